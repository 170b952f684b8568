package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/** A takedown request is given up, with the reason (INC-5). */
@Revision("1")
public record TakedownAbandonedEvent(
        String incidentId,
        String schoolId,
        String takedownId,
        String abandonedBy,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String reason,
        Instant abandonedAt) {
}
