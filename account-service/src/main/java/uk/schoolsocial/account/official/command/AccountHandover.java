package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * ACC-7: the account's open handover, if any, when it is due and whether it was escalated. Part
 * of {@link OfficialAccount}; at most one handover is open at a time.
 */
final class AccountHandover {

    private String open;
    private boolean escalated;
    private Instant due;

    /**
     * Opens a handover after {@code leaverId} left unless one is open already. It is due on the
     * leaving date or, when that has passed, {@code dueAfter} from now.
     *
     * @return the handover opened, or null
     */
    OpenedHandover open(String accountId, String schoolId, String leaverId, LocalDate leavingDate,
                        List<String> fitAdministrators, Instant now, Duration dueAfter) {
        if (open != null) {
            return null;
        }
        Instant leaving = leavingDate == null ? now : leavingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dueAt = leaving.isAfter(now) ? leaving : now.plus(dueAfter);
        String handoverId = UUID.nameUUIDFromBytes((accountId + "/" + leaverId).getBytes(StandardCharsets.UTF_8))
                .toString();
        apply(new HandoverOpenedEvent(accountId, schoolId, handoverId, leaverId, fitAdministrators, dueAt, now));
        return new OpenedHandover(accountId, handoverId, dueAt);
    }

    void requireOpen(String handoverId) {
        if (!handoverId.equals(open)) {
            throw new DomainException(AccountError.NO_OPEN_HANDOVER, "No such open handover on the account");
        }
    }

    void transfer(String accountId, String schoolId, String newAdministratorId, int fitForPolicyVersion, Instant now) {
        apply(new HandoverCompletedEvent(accountId, schoolId, open, "TRANSFERRED", newAdministratorId, now,
                fitForPolicyVersion));
    }

    /** Closing the account ends an open handover. */
    void endWithAccount(String accountId, String schoolId, Instant now) {
        if (open != null) {
            apply(new HandoverCompletedEvent(accountId, schoolId, open, "CLOSED", null, now, null));
        }
    }

    /** The handover's deadline passed: escalate it once, if it is still open. */
    void escalate(String accountId, String schoolId, String handoverId, Instant now) {
        if (handoverId.equals(open) && !escalated) {
            apply(new HandoverEscalatedEvent(accountId, schoolId, open, due, now));
        }
    }

    @EventSourcingHandler
    void on(HandoverOpenedEvent event) {
        open = event.handoverId();
        due = event.dueAt();
        escalated = false;
    }

    @EventSourcingHandler
    void on(HandoverEscalatedEvent event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(HandoverCompletedEvent event) {
        open = null;
    }
}
