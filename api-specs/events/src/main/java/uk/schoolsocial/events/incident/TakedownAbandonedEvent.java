package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A takedown request is given up, with the reason (INC-5). */
@Revision("1")
public record TakedownAbandonedEvent(
        String incidentId, String schoolId, String takedownId, String abandonedBy, String reason, Instant abandonedAt) {
}
