package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * ACC-6: a current administrator had the account's login details shown to them, and why. The
 * details themselves are never in an event.
 */
@Revision("1")
public record CredentialsRevealedEvent(
        String accountId,
        String schoolId,
        @NotPersonalData("the staff id of the administrator: an identifier")
        String revealedTo,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.ACCOUNT, keyFrom = "accountId")
        String reason,
        Instant at) {
}
