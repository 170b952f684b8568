package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * CON-3: a pupil's consent for the publication's channel was withdrawn, so the publication is to be
 * taken down. One per pupil whose withdrawal concerns it.
 */
@Revision("1")
public record TakedownOpenedEvent(String publicationId, String schoolId, String pupilId, ConsentChannel channel,
                                  Instant openedAt) {
}
