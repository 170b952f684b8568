package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * The pupil's objection to being photographed or filmed was lifted, as recorded by staff (CON-2): from
 * now on the pupil's consents count again for new publications. Takedowns the objection opened stay.
 *
 * @param liftedBy the member of staff who recorded it (also in the event's {@code actorId} metadata)
 * @param reason   why: the pupil's words or the circumstances
 */
@Revision("1")
public record PupilObjectionLiftedEvent(
        String pupilConsentId,
        String schoolId,
        String pupilId,
        String liftedBy,
        @PersonalData(whose = Whose.PUPIL,
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
        String reason,
        Instant liftedAt) {
}
