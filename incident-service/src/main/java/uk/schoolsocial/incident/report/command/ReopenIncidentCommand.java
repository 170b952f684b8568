package uk.schoolsocial.incident.report.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/** INC-6: a closed incident is reopened, with the reason. */
public record ReopenIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
