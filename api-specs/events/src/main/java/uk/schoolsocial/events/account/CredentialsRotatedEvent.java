package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** ACC-6, ACC-7: the account's login details were changed (never the details themselves: they are not in any event). */
@Revision("1")
public record CredentialsRotatedEvent(
        String accountId,
        String schoolId,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.ACCOUNT, keyFrom = "accountId")
        String reason,
        Instant at) {
}
