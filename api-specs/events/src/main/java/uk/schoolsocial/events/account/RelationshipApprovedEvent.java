package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** ACC-10: the headteacher (SLT) approves the declared relationship as an exception, with a reason. */
@Revision("1")
public record RelationshipApprovedEvent(
        String declarationId,
        String schoolId,
        String decidedBy,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT},
                retention = RetentionClass.DECLARATION, sealedUnder = SubjectType.DECLARATION, keyFrom = "declarationId")
        String reason,
        Instant decidedAt) {
}
