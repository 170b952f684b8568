package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** CON-3: the publication was removed, closing its takedown. */
@Revision("1")
public record PublicationTakenDownEvent(
        String publicationId,
        String schoolId,
        String takenDownBy,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF},
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUBLICATION, keyFrom = "publicationId")
        String note,
        Instant takenDownAt) {
}
