package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A registered publication is to be taken down because of one pupil featured in it. One per pupil.
 *
 * @param channel the publication's channel
 * @param cause   why: a withdrawal on the channel (CON-3), the pupil's objection (CON-2) or their leaving
 *                (CON-6); null in events stored before causes were recorded, all of them withdrawals
 */
@Revision("1")
public record TakedownOpenedEvent(String publicationId, String schoolId, String pupilId, ConsentChannel channel,
                                  Instant openedAt, TakedownCause cause) {
}
