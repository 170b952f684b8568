package uk.schoolsocial.incident.oversight.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One notification in the outbox (INC-2): to a role of a school, about an incident, with text that
 * names only the category and a link (no personal detail).
 *
 * @param id          the incident id and the event's sequence number, so a redelivered event adds nothing
 * @param deliveredAt   when the platform's NotificationSender sent (or logged) it; null while waiting
 * @param deliveryState PENDING, SENT, LOGGED or FAILED (platform {@code notify.DeliveryState}, issue 12)
 * @param attempts      how many times the sender tried
 * @param nextAttemptAt when the sender tries next while PENDING
 * @param lastError     why the last attempt failed, naming no person or address
 */
@MappedEntity("incident_notification")
public record Notification(@Id String id, String schoolId, String incidentId, String recipientRole, String kind,
                           String text, String link, Instant createdAt, @Nullable Instant deliveredAt,
                           String deliveryState, int attempts, Instant nextAttemptAt, @Nullable String lastError) {

    /** A new notification, due at once. */
    static Notification pending(String id, String schoolId, String incidentId, String recipientRole, String kind,
                                String text, String link, Instant createdAt) {
        return new Notification(id, schoolId, incidentId, recipientRole, kind, text, link, createdAt, null,
                "PENDING", 0, createdAt, null);
    }
}
