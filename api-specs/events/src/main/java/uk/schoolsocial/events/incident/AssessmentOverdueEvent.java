package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The initial assessment was not made by its target time (INC-3); raised by a deadline. */
@Revision("1")
public record AssessmentOverdueEvent(String incidentId, String schoolId, Instant dueAt, Instant flaggedAt) {
}
