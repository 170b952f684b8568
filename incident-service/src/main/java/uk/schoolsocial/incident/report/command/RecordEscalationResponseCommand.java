package uk.schoolsocial.incident.report.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** INC-4: the outside body's response to an escalation is recorded. */
public record RecordEscalationResponseCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        String escalationId,
        String response,
        String externalReference,
        @TargetAggregateVersion Long expectedVersion) {
}
