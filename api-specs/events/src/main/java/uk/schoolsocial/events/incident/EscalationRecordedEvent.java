package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * An incident was escalated to an outside body (INC-4).
 *
 * @param escalatedAt       when the body was contacted (may be before it was recorded)
 * @param externalReference the body's reference (crime number, platform report id), if given
 */
@Revision("1")
public record EscalationRecordedEvent(
        String incidentId,
        String schoolId,
        String escalationId,
        EscalationBody body,
        Instant escalatedAt,
        String escalatedBy,
        @NotPersonalData("the case number the body escalated to gave")
        String externalReference,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String details,
        Instant recordedAt) {
}
