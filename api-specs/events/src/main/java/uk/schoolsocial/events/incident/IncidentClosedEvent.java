package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An incident closes with its outcome and the actions taken (INC-6). */
@Revision("1")
public record IncidentClosedEvent(
        String incidentId, String schoolId, String closedBy, String outcome, String actionsTaken, Instant closedAt) {
}
