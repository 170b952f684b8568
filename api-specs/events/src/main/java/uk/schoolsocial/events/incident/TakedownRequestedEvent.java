package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Someone was asked to remove a post (INC-5).
 *
 * @param addressedTo who was asked: the person, or the platform (name it)
 * @param reference   the platform's report reference, if any
 */
@Revision("1")
public record TakedownRequestedEvent(
        String incidentId,
        String schoolId,
        String takedownId,
        TakedownAddressee addressee,
        String addressedTo,
        String reference,
        String requestedBy,
        Instant requestedAt) {
}
