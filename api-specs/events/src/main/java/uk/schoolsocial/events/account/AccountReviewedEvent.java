package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** ACC-9: SLT reviewed the account's purpose; the next review falls due on {@code nextReviewDue}. */
@Revision("1")
public record AccountReviewedEvent(
        String accountId,
        String schoolId,
        String reviewedBy,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_RECORD, sealedUnder = SubjectType.ACCOUNT, keyFrom = "accountId")
        String notes,
        LocalDate nextReviewDue,
        Instant at) {
}
