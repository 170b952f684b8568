package uk.schoolsocial.incident.escalation.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/** INC-4: an escalation to an outside body is recorded. */
public record RecordEscalationCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        String escalationId,
        EscalationBody body,
        Instant escalatedAt,
        String externalReference,
        String details,
        @TargetAggregateVersion Long expectedVersion) {
}
