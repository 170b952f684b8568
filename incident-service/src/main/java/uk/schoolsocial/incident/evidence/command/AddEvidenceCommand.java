package uk.schoolsocial.incident.evidence.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/**
 * INC-1: an evidence item is added to an incident, by its reporter or by the DSL or SLT. The bytes
 * are already stored under {@code evidenceId}; the command carries what describes them.
 *
 * @param handler true when the actor is DSL or SLT (they may add to any incident of their school)
 */
public record AddEvidenceCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        boolean handler,
        String evidenceId,
        String mediaType,
        long sizeBytes,
        String sha256,
        String description) {
}
