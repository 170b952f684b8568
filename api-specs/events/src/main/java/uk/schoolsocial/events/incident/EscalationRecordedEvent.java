package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An incident was escalated to an outside body (INC-4).
 *
 * @param escalatedAt       when the body was contacted (may be before it was recorded)
 * @param externalReference the body's reference (crime number, platform report id), if given
 */
@Revision("1")
public record EscalationRecordedEvent(
        String incidentId,
        String schoolId,
        String escalationId,
        EscalationBody body,
        Instant escalatedAt,
        String escalatedBy,
        String externalReference,
        String details,
        Instant recordedAt) {
}
