package uk.schoolsocial.events.consent;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * A pupil asked not to be photographed or filmed, as recorded by staff (CON-2). It overrides every
 * consent of the pupil, on every channel.
 *
 * @param recordedBy the member of staff who heard it (also in the event's {@code actorId} metadata)
 * @param reason     the pupil's words or the circumstances, if given
 */
@Revision("1")
public record PupilObjectionRecordedEvent(
        String pupilConsentId,
        String schoolId,
        String pupilId,
        String recordedBy,
        @PersonalData(whose = Whose.PUPIL,
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
        String reason,
        Instant recordedAt) {
}
