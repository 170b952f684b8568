package uk.schoolsocial.account.privacy.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.account.DataSubject;

/**
 * AUD-4: SLT registers a subject access request the school received.
 *
 * @param requestedBy who asked, in the school's words; null or blank when the subject asked
 */
public record RegisterSubjectAccessRequestCommand(@TargetAggregateIdentifier SubjectAccessRequestId requestId,
                                                  String schoolId, String actorId, DataSubject subjectType,
                                                  String subjectId, LocalDate receivedOn, String requestedBy) {
}
