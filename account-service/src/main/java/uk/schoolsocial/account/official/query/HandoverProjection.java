package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;

/**
 * Keeps {@code handover_view} (ACC-7). In the accounts processor, so it is in step with
 * {@code account_view}. Idempotent: a handover is inserted once and moves only forward.
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
        if (!handovers.existsById(e.handoverId())) {
            handovers.save(new HandoverView(e.handoverId(), e.accountId(), e.schoolId(), e.leaverId(), "OPEN",
                    e.fitAdministrators(), e.dueAt(), e.at(), null, null, null));
        }
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
