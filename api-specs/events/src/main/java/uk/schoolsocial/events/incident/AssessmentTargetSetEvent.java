package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A new report must be assessed by {@code dueAt} (INC-3); the target is fixed when it is reported,
 * so a later change of the configured target does not move it.
 */
@Revision("1")
public record AssessmentTargetSetEvent(String incidentId, String schoolId, Instant dueAt) {
}
