package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** The outside body answered an escalation (INC-4). */
@Revision("1")
public record EscalationResponseRecordedEvent(
        String incidentId,
        String schoolId,
        String escalationId,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String response,
        @NotPersonalData("the case number the body escalated to gave")
        String externalReference,
        String recordedBy,
        Instant recordedAt) {
}
