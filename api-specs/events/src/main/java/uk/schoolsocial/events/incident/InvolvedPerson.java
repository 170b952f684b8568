package uk.schoolsocial.events.incident;

import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * Someone involved in an incident: by role, with the roster id where known and a free
 * description otherwise (INC-1).
 */
public record InvolvedPerson(
        InvolvedPersonRole role,
        String rosterId,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String description) {
}
