package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import uk.schoolsocial.events.consent.TakedownOpenedEvent;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.notify.NotificationOutboxTable;
import uk.schoolsocial.platform.notify.Notifications;

/**
 * Issue 12: a takedown opened by a withdrawal (CON-3), an objection (CON-2) or a leaver (CON-6) is
 * e-mailed to the school's account administrators, who remove posts: the cause, the channel and a
 * link to the open takedowns, never the pupil. One notification per event.
 */
@Singleton
@ProcessingGroup(PublicationProjection.GROUP)
public class TakedownNotificationProjection {

    /** The outbox's table, which the platform's NotificationSender drains. */
    public static final String OUTBOX = "consent_notification";

    private final Notifications notifications;
    private final NotificationOutboxTable outbox;

    TakedownNotificationProjection(Notifications notifications, NotificationOutboxTable outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @EventHandler
    void on(TakedownOpenedEvent event, @MessageIdentifier String eventId) {
        String cause = event.cause().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String channel = event.channel().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        notifications.enqueue(outbox, eventId, event.schoolId(), Roles.ACCOUNT_ADMIN, "TAKEDOWN_OPENED",
                "Take down a publication (" + channel + "): " + cause, "/api/v1/consents/takedowns", event.openedAt());
    }
}
