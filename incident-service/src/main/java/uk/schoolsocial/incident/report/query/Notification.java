package uk.schoolsocial.incident.report.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One notification in the outbox (INC-2): to a role of a school, about an incident, with text that
 * names only the category and a link (no personal detail).
 *
 * @param id          the incident id and the event's sequence number, so a redelivered event adds nothing
 * @param deliveredAt when a sender drained it; null while waiting
 */
@MappedEntity("incident_notification")
public record Notification(@Id String id, String schoolId, String incidentId, String recipientRole, String kind,
                           String text, String link, Instant createdAt, @Nullable Instant deliveredAt) {
}
