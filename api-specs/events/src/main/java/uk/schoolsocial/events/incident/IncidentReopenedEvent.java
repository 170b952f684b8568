package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A closed incident is reopened, with the reason (INC-6). */
@Revision("1")
public record IncidentReopenedEvent(
        String incidentId, String schoolId, String reopenedBy, String reason, Instant reopenedAt) {
}
