package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * The initial assessment of an incident (INC-3), by SLT or, for safeguarding, the DSL.
 *
 * @param posterType        who posted it: a member of the school community (by role), a third party, or unknown
 * @param internalProcedure the school's procedure when {@code route} is INTERNAL; null otherwise
 * @param onTime            whether it was made by the target time
 */
@Revision("1")
public record IncidentAssessedEvent(
        String incidentId,
        String schoolId,
        String assessorId,
        AssignedRole assessorRole,
        Severity severity,
        boolean safeguarding,
        boolean possiblyIllegal,
        InvolvedPersonRole posterType,
        AssessmentRoute route,
        InternalProcedure internalProcedure,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String notes,
        Instant assessedAt,
        boolean onTime) {
}
