package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The outside body answered an escalation (INC-4). */
@Revision("1")
public record EscalationResponseRecordedEvent(
        String incidentId,
        String schoolId,
        String escalationId,
        String response,
        String externalReference,
        String recordedBy,
        Instant recordedAt) {
}
