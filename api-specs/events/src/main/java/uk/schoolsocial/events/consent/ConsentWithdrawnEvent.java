package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An adult with parental responsibility withdrew consent for one channel (CON-3). It takes effect
 * at once for new publications; publications already registered on that channel are to be taken down.
 *
 * @param withdrawnBy the adult with parental responsibility who withdrew it
 */
@Revision("1")
public record ConsentWithdrawnEvent(String pupilConsentId, String schoolId, String pupilId, ConsentChannel channel,
                                    String withdrawnBy, Instant withdrawnAt) {
}
