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
 * @param dueAt       INC-5: for a request to a platform, when it falls due: the request time plus the
 *                    school's period for that platform (48 hours unless the school set another);
 *                    escalation to the helpline is suggested if it is still open then. Fixed when the
 *                    request is made. Null for a request to a person, and in requests recorded before
 *                    due times were kept.
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
        Instant requestedAt,
        Instant dueAt) {
}
