package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** SLT suspended an account, e.g. compromised or under investigation (ACC-9). Nothing may be published on it. */
@Revision("1")
public record AccountSuspendedEvent(
        String accountId,
        String schoolId,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.ACCOUNT, keyFrom = "accountId")
        String reason,
        Instant at) {
}
