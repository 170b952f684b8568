package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** The account was closed, by SLT or at the end of a handover (ACC-7, ACC-9). Final. */
@Revision("1")
public record AccountClosedEvent(
        String accountId,
        String schoolId,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.ACCOUNT, keyFrom = "accountId")
        String reason,
        Instant at) {
}
