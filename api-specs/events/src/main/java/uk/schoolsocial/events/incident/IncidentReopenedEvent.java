package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** A closed incident is reopened, with the reason (INC-6). */
@Revision("1")
public record IncidentReopenedEvent(
        String incidentId,
        String schoolId,
        String reopenedBy,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String reason,
        Instant reopenedAt) {
}
