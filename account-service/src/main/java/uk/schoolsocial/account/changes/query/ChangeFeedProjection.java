package uk.schoolsocial.account.changes.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.HandoverCancelledEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.platform.changes.ChangeLog;

/**
 * The change feed of this service for the MIS (issue 12): a member of staff leaving and the
 * withdrawal of their notice (ACC-7), an official account going live, suspended, reinstated or
 * closed (ACC-5, ACC-9), and handovers opened, overdue, done or cancelled (ACC-7). Ids and statuses
 * only: no name, no reason, no note. One processor on one segment ({@link #GROUP}), as
 * {@link ChangeLog} needs; replayable, as an event adds its entry once.
 */
@Singleton
@ProcessingGroup(ChangeFeedProjection.GROUP)
public class ChangeFeedProjection {

    public static final String GROUP = "change-feed";

    private final ChangeLog changes;

    ChangeFeedProjection(ChangeLog changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(StaffMemberLeftEvent event, @MessageIdentifier String eventId) {
        staff(eventId, event.schoolId(), event.staffId(), "LEFT", event.recordedAt());
    }

    @EventHandler
    void on(StaffLeavingWithdrawnEvent event, @MessageIdentifier String eventId) {
        staff(eventId, event.schoolId(), event.staffId(), "WITHDRAWN", event.recordedAt());
    }

    @EventHandler
    void on(AccountWentLiveEvent event, @MessageIdentifier String eventId) {
        account(eventId, event.schoolId(), event.accountId(), "LIVE", event.at());
    }

    @EventHandler
    void on(AccountSuspendedEvent event, @MessageIdentifier String eventId) {
        account(eventId, event.schoolId(), event.accountId(), "SUSPENDED", event.at());
    }

    @EventHandler
    void on(AccountReinstatedEvent event, @MessageIdentifier String eventId) {
        // Reinstatements recorded before the event carried the status name none: the MIS reads the account.
        account(eventId, event.schoolId(), event.accountId(),
                event.status() != null ? event.status() : "REINSTATED", event.at());
    }

    @EventHandler
    void on(AccountClosedEvent event, @MessageIdentifier String eventId) {
        account(eventId, event.schoolId(), event.accountId(), "CLOSED", event.at());
    }

    @EventHandler
    void on(HandoverOpenedEvent event, @MessageIdentifier String eventId) {
        handover(eventId, event.schoolId(), event.handoverId(), event.accountId(), "OPENED", event.at());
    }

    @EventHandler
    void on(HandoverEscalatedEvent event, @MessageIdentifier String eventId) {
        handover(eventId, event.schoolId(), event.handoverId(), event.accountId(), "OVERDUE", event.at());
    }

    @EventHandler
    void on(HandoverCompletedEvent event, @MessageIdentifier String eventId) {
        handover(eventId, event.schoolId(), event.handoverId(), event.accountId(), "DONE", event.at());
    }

    @EventHandler
    void on(HandoverCancelledEvent event, @MessageIdentifier String eventId) {
        handover(eventId, event.schoolId(), event.handoverId(), event.accountId(), "CANCELLED", event.at());
    }

    private void staff(String eventId, String school, String staffId, String status, Instant at) {
        changes.append(eventId, school, "STAFF_LEFT", staffId, staffId, null, status, at, "/api/v1/staff/" + staffId);
    }

    private void account(String eventId, String school, String accountId, String status, Instant at) {
        changes.append(eventId, school, "ACCOUNT_STATUS", accountId, null, null, status, at,
                "/api/v1/accounts/" + accountId);
    }

    /** The handover's record, about its account (the subject is the account, not the leaver, a person). */
    private void handover(String eventId, String school, String handoverId, String accountId, String status,
                          Instant at) {
        changes.append(eventId, school, "HANDOVER", handoverId, null, null, status, at,
                "/api/v1/accounts/" + accountId);
    }
}
