package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * SLT reinstated a suspended account (ACC-9).
 *
 * @param status where the account stands again: {@code LIVE} if it had gone live before its suspension,
 *               else {@code PROVISIONED} (ACC-5: it goes live only once every administrator is fit). Null on
 *               events recorded before it was carried; readers then judge by whether the account went live.
 */
@Revision("1")
public record AccountReinstatedEvent(
        String accountId,
        String schoolId,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.ACCOUNT, keyFrom = "accountId")
        String reason,
        Instant at,
        @NotPersonalData("a status name")
        String status) {
}
