package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.events.account.HandoverCancelledEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.HandoverRescheduledEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * ACC-7: the account's open handover, if any, whose departure opened it, when it is due and whether it
 * was escalated. Part of {@link OfficialAccount}; at most one handover is open at a time.
 */
final class AccountHandover {

    private String open;
    private boolean escalated;
    private Instant due;
    private String leaver;
    private LocalDate leavingDate;

    /**
     * ACC-7: a handover is due at the end of the leaving date (the school's date), or, when that has
     * ended already (the school learned of it late) or there is none, {@code dueAfter} from now.
     */
    static Instant dueAt(LocalDate leavingDate, Instant now, LeavingDates dates, Duration dueAfter) {
        Instant end = leavingDate == null ? now : dates.endOf(leavingDate);
        return end.isAfter(now) ? end : now.plus(dueAfter);
    }

    /**
     * Opens a handover after {@code leaverId} gave notice or left, unless one is open already.
     *
     * @return the handover opened, or null
     */
    OpenedHandover open(String accountId, String schoolId, String leaverId, LocalDate leavingDate,
                        List<String> fitAdministrators, Instant now, Instant dueAt) {
        if (open != null) {
            return null;
        }
        String handoverId = UUID.nameUUIDFromBytes((accountId + "/" + leaverId).getBytes(StandardCharsets.UTF_8))
                .toString();
        apply(new HandoverOpenedEvent(accountId, schoolId, handoverId, leaverId, fitAdministrators, dueAt, now,
                leavingDate));
        return new OpenedHandover(accountId, handoverId, dueAt);
    }

    void requireOpen(String handoverId) {
        if (!handoverId.equals(open)) {
            throw new DomainException(AccountError.NO_OPEN_HANDOVER, "No such open handover on the account");
        }
    }

    /** The leaver of the open handover. */
    String leaver() {
        return leaver;
    }

    /** The open handover's leaving date; null on handovers opened before it was recorded. */
    LocalDate leavingDate() {
        return leavingDate;
    }

    void transfer(String accountId, String schoolId, String newAdministratorId, int fitForPolicyVersion,
                  List<String> whoMayPost, Instant now) {
        apply(new HandoverCompletedEvent(accountId, schoolId, open, "TRANSFERRED", newAdministratorId, now,
                fitForPolicyVersion, whoMayPost));
    }

    /** Closing the account ends an open handover. */
    void endWithAccount(String accountId, String schoolId, Instant now) {
        if (open != null) {
            apply(new HandoverCompletedEvent(accountId, schoolId, open, "CLOSED", null, now, null, null));
        }
    }

    /** The handover's deadline passed: escalate it once, if it is still open. */
    void escalate(String accountId, String schoolId, String handoverId, Instant now) {
        if (handoverId.equals(open) && !escalated) {
            apply(new HandoverEscalatedEvent(accountId, schoolId, open, due, now));
        }
    }

    /**
     * The leaving date moved: the handover, if still open, is now due at {@code dueAt}.
     *
     * @return when it is due now, or null when it is not open
     */
    Instant reschedule(String accountId, String schoolId, String handoverId, LocalDate newLeavingDate, Instant dueAt,
                       Instant now) {
        if (!handoverId.equals(open)) {
            return null;
        }
        if (!dueAt.equals(due) || !Objects.equals(newLeavingDate, leavingDate)) {
            apply(new HandoverRescheduledEvent(accountId, schoolId, open, newLeavingDate, dueAt, now));
        }
        return dueAt;
    }

    /** The leaver is staying: the handover, if still open, is no longer needed. */
    void cancel(String accountId, String schoolId, String handoverId, Instant now) {
        if (handoverId.equals(open)) {
            apply(new HandoverCancelledEvent(accountId, schoolId, open, now));
        }
    }

    @EventSourcingHandler
    void on(HandoverOpenedEvent event) {
        open = event.handoverId();
        due = event.dueAt();
        escalated = false;
        leaver = event.leaverId();
        leavingDate = event.leavingDate();
    }

    @EventSourcingHandler
    void on(HandoverRescheduledEvent event) {
        due = event.dueAt();
        leavingDate = event.leavingDate();
    }

    @EventSourcingHandler
    void on(HandoverEscalatedEvent event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(HandoverCompletedEvent event) {
        open = null;
    }

    @EventSourcingHandler
    void on(HandoverCancelledEvent event) {
        open = null;
    }
}
