package uk.schoolsocial.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * A person with parental responsibility gave written consent for a pupil's image on one
 * channel (CON-1). A later one for the same pupil and channel replaces the earlier one.
 *
 * @param pupilConsentId the pupil's consent record: derived from school and pupil id, since pupil
 *                       ids are unique within a school only
 * @param givenBy        the adult with parental responsibility who gave it (who recorded it is in
 *                       the event's {@code actorId} metadata)
 * @param formReference  the signed form's reference; always present for {@link ConsentMethod#PAPER_FORM}
 * @param givenOn        the day it was signed
 * @param validUntil     the last day it covers (by default the end of the academic year)
 * @param recordedAt     when this service recorded it
 */
@Revision("1")
public record ConsentGivenEvent(
        String pupilConsentId,
        String schoolId,
        String pupilId,
        ConsentChannel channel,
        String givenBy,
        ConsentMethod method,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT},
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
        String formReference,
        LocalDate givenOn,
        LocalDate validUntil,
        Instant recordedAt) {
}
