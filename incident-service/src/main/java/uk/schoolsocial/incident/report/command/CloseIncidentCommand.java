package uk.schoolsocial.incident.report.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/** INC-6: an incident closes with an outcome and the actions taken. */
public record CloseIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        String outcome,
        String actionsTaken,
        @TargetAggregateVersion Long expectedVersion) {
}
