package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * SLT accepted that a word of the application's proposed name or handle, which is also a current
 * staff member's surname, is the school's own word (an ordinary word or a place: "Hill", "Green",
 * "Brierley Hill"), with a reason (ACC-3). Holds for this application and the account provisioned
 * from it only, never for the school as a whole.
 */
@Revision("1")
public record NameClashAcceptedEvent(
        String applicationId,
        String schoolId,
        @NotPersonalData("a word of the name of an official account of the school, accepted as the school's own word "
                + "(an ordinary word or a place), the same reasoning as the account names it is taken from")
        String word,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.APPLICATION, keyFrom = "applicationId")
        String reason,
        String acceptedBy,
        Instant acceptedAt) {
}
