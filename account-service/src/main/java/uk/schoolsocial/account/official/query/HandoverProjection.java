package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.account.HandoverCancelledEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.HandoverRescheduledEvent;

/**
 * Keeps {@code handover_view} (ACC-7). In the accounts processor, so it is in step with
 * {@code account_view}. Idempotent: a handover is inserted once and moves only forward; one that
 * opens again after it ended (the same leaver on the same account: a withdrawn notice, then notice
 * again) starts afresh.
 */
@Singleton
@ProcessingGroup(AccountProjection.GROUP)
public class HandoverProjection {

    private final HandoverViewRepository handovers;

    HandoverProjection(HandoverViewRepository handovers) {
        this.handovers = handovers;
    }

    @EventHandler
    void on(HandoverOpenedEvent e) {
        HandoverView opened = new HandoverView(e.handoverId(), e.accountId(), e.schoolId(), e.leaverId(), "OPEN",
                e.fitAdministrators(), e.dueAt(), e.at(), null, null, null);
        handovers.findById(e.handoverId()).ifPresentOrElse(h -> {
            if (h.completedAt() != null && h.completedAt().isBefore(e.at())) {
                handovers.update(opened);
            }
        }, () -> handovers.save(opened));
    }

    @EventHandler
    void on(HandoverRescheduledEvent e) {
        handovers.findById(e.handoverId()).filter(h -> h.completedAt() == null)
                .ifPresent(h -> handovers.update(h.rescheduled(e.dueAt())));
    }

    @EventHandler
    void on(HandoverCancelledEvent e) {
        handovers.findById(e.handoverId()).filter(h -> h.completedAt() == null)
                .ifPresent(h -> handovers.update(h.completed("CANCELLED", null, e.at())));
    }

    @EventHandler
    void on(HandoverEscalatedEvent e) {
        handovers.findById(e.handoverId()).filter(h -> "OPEN".equals(h.status()))
                .ifPresent(h -> handovers.update(h.escalated(e.at())));
    }

    @EventHandler
    void on(HandoverCompletedEvent e) {
        handovers.findById(e.handoverId()).filter(h -> h.completedAt() == null)
                .ifPresent(h -> handovers.update(h.completed(e.outcome(), e.newAdministratorId(), e.at())));
    }
}
