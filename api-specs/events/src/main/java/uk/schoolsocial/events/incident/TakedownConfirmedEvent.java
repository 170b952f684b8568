package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The post of a takedown request is confirmed removed (INC-5). */
@Revision("1")
public record TakedownConfirmedEvent(
        String incidentId, String schoolId, String takedownId, String confirmedBy, String note, Instant confirmedAt) {
}
