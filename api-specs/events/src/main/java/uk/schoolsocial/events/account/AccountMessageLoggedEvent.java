package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * ACC-8: a comment, query or complaint received through an official account was logged by
 * {@code loggedBy}. It must be answered by {@code dueAt}: 24 hours after {@code receivedAt}, or the
 * end of the next working day when it arrived on a weekend or school holiday, as the school's
 * calendar stood when it was logged.
 */
@Revision("1")
public record AccountMessageLoggedEvent(
        String messageId,
        String accountId,
        String schoolId,
        MessageType type,
        MessageChannel channel,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_CORRESPONDENCE, sealedUnder = SubjectType.ACCOUNT_MESSAGE, keyFrom = "messageId")
        String summary,
        Instant receivedAt,
        String loggedBy,
        Instant dueAt,
        Instant at) {
}
