package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.notify.NotificationOutboxTable;
import uk.schoolsocial.platform.notify.Notifications;

/**
 * Issue 12, ACC-7: an overdue handover escalates to SLT, and SLT's mailboxes at the school are
 * told by e-mail, with a link to the account only (who left stays in the API). One notification
 * per event.
 */
@Singleton
@ProcessingGroup(AccountProjection.GROUP)
public class HandoverNotificationProjection {

    /** The outbox's table, which the platform's NotificationSender drains. */
    public static final String OUTBOX = "account_notification";

    private final Notifications notifications;
    private final NotificationOutboxTable outbox;

    HandoverNotificationProjection(Notifications notifications, NotificationOutboxTable outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @EventHandler
    void on(HandoverEscalatedEvent event, @MessageIdentifier String eventId) {
        notifications.enqueue(outbox, eventId, event.schoolId(), Roles.SLT, "HANDOVER_OVERDUE",
                "Handover overdue: an official account needs a fit administrator",
                "/api/v1/accounts/" + event.accountId(), event.at());
    }
}
