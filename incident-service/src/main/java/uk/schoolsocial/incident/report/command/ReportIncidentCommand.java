package uk.schoolsocial.incident.report.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/**
 * INC-1: someone in the school community reports a social media incident.
 *
 * @param officialAccountInvolved a {@code Boolean} so that a report that leaves it out is refused, not read as "no"
 */
public record ReportIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String reporterId,
        IncidentCategory category,
        String whatHappened,
        Instant occurredAt,
        String platform,
        String location,
        Boolean officialAccountInvolved,
        List<InvolvedPerson> peopleInvolved) {
}
