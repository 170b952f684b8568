package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * CON-6: a pupil featured in the publication left, and the school reviews the leavers' publications on
 * this channel: someone decides whether it stays up. One per pupil.
 */
@Revision("1")
public record PublicationReviewOpenedEvent(String publicationId, String schoolId, String pupilId,
                                           ConsentChannel channel, Instant openedAt) {
}
