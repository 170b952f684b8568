package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A platform has not acted on a takedown request within the configured time (48 hours by
 * default), so escalation to {@code suggestedBody} is suggested (INC-5); raised by a deadline.
 */
@Revision("1")
public record TakedownEscalationSuggestedEvent(
        String incidentId,
        String schoolId,
        String takedownId,
        EscalationBody suggestedBody,
        Instant suggestedAt) {
}
