package uk.schoolsocial.events.incident;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Someone in the school community reported a social media incident (INC-1); it was routed at
 * once to the role that must handle it (INC-2).
 *
 * @param assignedRole {@code DSL} or {@code SLT}
 */
@Revision("1")
public record IncidentReportedEvent(
        String incidentId,
        String schoolId,
        String reporterId,
        IncidentCategory category,
        String whatHappened,
        Instant occurredAt,
        String platform,
        String location,
        boolean officialAccountInvolved,
        List<InvolvedPerson> peopleInvolved,
        String assignedRole,
        Instant reportedAt) {
}
