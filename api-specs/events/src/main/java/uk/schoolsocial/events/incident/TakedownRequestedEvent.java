package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * Someone was asked to remove a post (INC-5).
 *
 * @param addressedTo who was asked: the person, or the platform (name it)
 * @param reference   the platform's report reference, if any
 */
@Revision("1")
public record TakedownRequestedEvent(
        String incidentId,
        String schoolId,
        String takedownId,
        TakedownAddressee addressee,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String addressedTo,
        @NotPersonalData("the platform's report reference")
        String reference,
        String requestedBy,
        Instant requestedAt) {
}
