package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** The applicant withdrew an application before it was decided (ACC-2). */
@Revision("1")
public record ApplicationWithdrawnEvent(
        String applicationId,
        String schoolId,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.APPLICATION, keyFrom = "applicationId")
        String reason,
        Instant withdrawnAt) {
}
