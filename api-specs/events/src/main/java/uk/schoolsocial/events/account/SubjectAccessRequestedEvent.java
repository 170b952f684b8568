package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * AUD-4 (UK GDPR Art. 15, 12(3)): the school received a subject access request for the personal
 * data of {@code subjectType}/{@code subjectId}, on {@code receivedOn}; the answer is due on
 * {@code dueOn}, one calendar month later.
 *
 * @param requestedBy who asked, in the school's words (e.g. "the pupil's mother"); null when the subject asked
 * @param recordedBy  the member of SLT who registered it
 */
@Revision("1")
public record SubjectAccessRequestedEvent(String requestId, String schoolId, DataSubject subjectType, String subjectId,
                                          LocalDate receivedOn,
                                          @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF},
                                                  retention = RetentionClass.ACCOUNT_CORRESPONDENCE,
                                                  sealedUnder = SubjectType.SUBJECT_ACCESS_REQUEST,
                                                  keyFrom = "requestId")
                                          String requestedBy,
                                          LocalDate dueOn, String recordedBy, Instant recordedAt) {
}
