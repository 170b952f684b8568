package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** An incident closes with its outcome and the actions taken (INC-6). */
@Revision("1")
public record IncidentClosedEvent(
        String incidentId,
        String schoolId,
        String closedBy,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String outcome,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String actionsTaken,
        Instant closedAt) {
}
