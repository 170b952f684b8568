package uk.schoolsocial.events.incident;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * Someone in the school community reported a social media incident (INC-1); it was routed at
 * once to the role that must handle it (INC-2).
 *
 * @param reporterId    who reported it; the only non-DSL/SLT person who may follow its status (INC-7)
 * @param whatHappened  the reporter's account exactly as written, never trimmed or reformatted
 * @param assignedRole  who handles it
 * @param routingReason which INC-2 rule decided {@code assignedRole}
 */
@Revision("1")
public record IncidentReportedEvent(
        String incidentId,
        String schoolId,
        String reporterId,
        IncidentCategory category,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String whatHappened,
        Instant occurredAt,
        @NotPersonalData("the name of a social media platform")
        String platform,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String location,
        boolean officialAccountInvolved,
        List<InvolvedPerson> peopleInvolved,
        AssignedRole assignedRole,
        RoutingReason routingReason,
        Instant reportedAt) {
}
