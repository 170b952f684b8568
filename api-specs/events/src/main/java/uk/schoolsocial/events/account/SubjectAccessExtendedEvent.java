package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * AUD-4 (UK GDPR Art. 12(3)): the time to answer a subject access request is extended, once, by
 * {@code months} (1 or 2) with a reason; {@code dueOn} is the new due date, receipt + 1 + months.
 */
@Revision("1")
public record SubjectAccessExtendedEvent(String requestId, String schoolId, int months,
                                         @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF},
                                                 retention = RetentionClass.ACCOUNT_CORRESPONDENCE,
                                                 sealedUnder = SubjectType.SUBJECT_ACCESS_REQUEST,
                                                 keyFrom = "requestId")
                                         String reason,
                                         LocalDate dueOn, String extendedBy, Instant extendedAt) {
}
