package uk.schoolsocial.account.response.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import uk.schoolsocial.events.account.AccountMessageAnswerOverdueEvent;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.notify.NotificationOutboxTable;
import uk.schoolsocial.platform.notify.Notifications;

/**
 * Issue 12, ACC-8: breaches are reported. A message unanswered at its due time is e-mailed to SLT's
 * mailboxes at the school, with a link to the message only (what it said and who sent it stay in
 * the API). One notification per event.
 */
@Singleton
@ProcessingGroup(AccountMessageProjection.GROUP)
public class ResponseNotificationProjection {

    private final Notifications notifications;
    private final NotificationOutboxTable outbox;

    ResponseNotificationProjection(Notifications notifications, NotificationOutboxTable outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @EventHandler
    void on(AccountMessageAnswerOverdueEvent event, @MessageIdentifier String eventId) {
        notifications.enqueue(outbox, eventId, event.schoolId(), Roles.SLT, "RESPONSE_OVERDUE",
                "Response overdue: a message to an official account was not answered in time",
                "/api/v1/accounts/" + event.accountId() + "/messages/" + event.messageId(), event.at());
    }
}
