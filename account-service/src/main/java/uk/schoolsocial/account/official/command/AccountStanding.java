package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * Where the account stands: provisioned (ACC-4), live once every administrator is fit (ACC-5),
 * suspended, reinstated or closed (ACC-9); and whether it ever went live. Part of
 * {@link OfficialAccount}.
 */
final class AccountStanding {

    private enum Status { PROVISIONED, LIVE, SUSPENDED, CLOSED }

    private Status status;
    private boolean wentLive;

    boolean closed() {
        return status == Status.CLOSED;
    }

    void requireOpen() {
        requireNot(Status.CLOSED);
    }

    /** ACC-9: suspending, reinstating or closing an account needs a reason; the stripped reason. */
    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(AccountError.REASON_REQUIRED, "A reason is required");
        }
        return reason.strip();
    }

    /** ACC-1, ACC-5: going live happens once, from provisioned. */
    boolean mayGoLive() {
        return status == Status.PROVISIONED && !wentLive;
    }

    private void requireNot(Status forbidden) {
        if (status == forbidden) {
            throw new DomainException(AccountError.INVALID_STATE, "The account is " + forbidden.name().toLowerCase());
        }
    }

    void suspend(String accountId, String schoolId, String reason, Instant now) {
        requireNot(Status.CLOSED);
        requireNot(Status.SUSPENDED);
        apply(new AccountSuspendedEvent(accountId, schoolId, reason, now));
    }

    /**
     * ACC-5: back to LIVE only if it had gone live; otherwise it goes live (the caller sees to it) if
     * every administrator became fit while it was suspended.
     */
    void reinstate(String accountId, String schoolId, String reason, Instant now) {
        if (status != Status.SUSPENDED) {
            throw new DomainException(AccountError.INVALID_STATE, "Only a suspended account can be reinstated");
        }
        apply(new AccountReinstatedEvent(accountId, schoolId, reason, now,
                (wentLive ? Status.LIVE : Status.PROVISIONED).name()));
    }

    void close(String accountId, String schoolId, String reason, Instant now) {
        requireNot(Status.CLOSED);
        apply(new AccountClosedEvent(accountId, schoolId, reason, now));
    }

    @EventSourcingHandler
    void on(AccountProvisionedEvent event) {
        status = Status.PROVISIONED;
    }

    @EventSourcingHandler
    void on(AccountWentLiveEvent event) {
        status = Status.LIVE;
        wentLive = true;
    }

    @EventSourcingHandler
    void on(AccountSuspendedEvent event) {
        status = Status.SUSPENDED;
    }

    @EventSourcingHandler
    void on(AccountReinstatedEvent event) {
        status = wentLive ? Status.LIVE : Status.PROVISIONED;
    }

    @EventSourcingHandler
    void on(AccountClosedEvent event) {
        status = Status.CLOSED;
    }
}
