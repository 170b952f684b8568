package uk.schoolsocial.platform.privacy.erasure;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.privacy.ErasureGround;
import uk.schoolsocial.events.privacy.SubjectType;

/** AUD-4: erase a subject's personal data from this service, unless a hold keeps it. */
public record EraseSubjectCommand(@TargetAggregateIdentifier String erasureId, String schoolId,
                                  SubjectType subjectType, String subjectId, LocalDate dateOfBirth,
                                  ErasureGround ground, String actorId) {

    ErasureSubject subject() {
        return new ErasureSubject(schoolId, subjectType, subjectId, dateOfBirth);
    }
}
