package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * CON-6: SLT chose what happens, on one channel, to the registered publications of a pupil who leaves:
 * listed for review (the default while nothing is set) or taken down. It counts for pupils whose
 * leaving is recorded from then on.
 */
@Revision("1")
public record LeaverPublicationsSetEvent(String schoolId, ConsentChannel channel, LeaverPublications choice,
                                         String setBy, Instant setAt) {
}
