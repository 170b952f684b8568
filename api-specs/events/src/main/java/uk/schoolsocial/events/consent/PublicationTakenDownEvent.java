package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** CON-3: the publication was removed, closing its takedown. */
@Revision("1")
public record PublicationTakenDownEvent(String publicationId, String schoolId, String takenDownBy, String note,
                                        Instant takenDownAt) {
}
