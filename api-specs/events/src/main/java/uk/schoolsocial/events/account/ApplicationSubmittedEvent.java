package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** A member of staff applied for an official account with a complete business case (ACC-1). */
@Revision("1")
public record ApplicationSubmittedEvent(
        String applicationId,
        String schoolId,
        String applicantId,
        int revision,
        AccountPlatform platform,
        @NotPersonalData("the name of an official account of the school, which ACC-3 keeps from naming staff")
        String proposedName,
        @NotPersonalData("the name of an official account of the school, which ACC-3 keeps from naming staff")
        String proposedHandle,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.APPLICATION, keyFrom = "applicationId")
        String aim,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.APPLICATION, keyFrom = "applicationId")
        String audience,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.APPLICATION, keyFrom = "applicationId")
        String promotion,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> administrators,
        AccountPrivacy privacy,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.APPLICATION, keyFrom = "applicationId")
        String privacyReason,
        Instant submittedAt) {
}
