package uk.schoolsocial.incident.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.incident.casefile.command.IncidentId;

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
