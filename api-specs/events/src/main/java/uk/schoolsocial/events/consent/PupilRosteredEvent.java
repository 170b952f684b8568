package uk.schoolsocial.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * The school's MIS put a pupil on the roster, or changed what the roster says about them (CON-6).
 * Each event carries the whole entry as it now stands; an unchanged entry pushed again gives none.
 *
 * @param pupilConsentId        the pupil's record: derived from school and pupil id
 * @param givenName             as the MIS holds it; also what the publication check looks for in text (CON-4)
 * @param yearGroup             e.g. {@code Year 6} or {@code Reception}, as the MIS names it
 * @param parentalResponsibility ids of the adults with parental responsibility, sorted; only they give
 *                              or withdraw consent (CON-1, CON-3)
 * @param rosteredAt            when this service recorded it
 */
@Revision("1")
public record PupilRosteredEvent(
        String pupilConsentId,
        String schoolId,
        String pupilId,
        @PersonalData(whose = Whose.PUPIL,
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
        String givenName,
        @PersonalData(whose = Whose.PUPIL,
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
        String familyName,
        @NotPersonalData("a class of the school, as the MIS names it; identifies nobody")
        String yearGroup,
        @PersonalData(whose = Whose.PUPIL,
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
        LocalDate dateOfBirth,
        @NotPersonalData("the ids of the adults with parental responsibility: identifiers")
        List<String> parentalResponsibility,
        Instant rosteredAt) {
}
