package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * ACC-8: a logged comment, query or complaint was answered at {@code answeredAt}, as
 * {@code answeredBy} recorded it; {@code answer} summarises the reply, if given.
 */
@Revision("1")
public record AccountMessageAnsweredEvent(
        String messageId,
        String accountId,
        String schoolId,
        String answeredBy,
        Instant answeredAt,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.ACCOUNT_CORRESPONDENCE, sealedUnder = SubjectType.ACCOUNT_MESSAGE, keyFrom = "messageId")
        String answer,
        Instant at) {
}
