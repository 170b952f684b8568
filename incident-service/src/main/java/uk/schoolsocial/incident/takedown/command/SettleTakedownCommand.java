package uk.schoolsocial.incident.takedown.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/**
 * INC-5: a takedown request ends: the post is confirmed removed, or the request is abandoned.
 *
 * @param removed true when the post is confirmed removed, false when the request is abandoned
 * @param note    what confirmed the removal, or why the request is abandoned (required then)
 */
public record SettleTakedownCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        String takedownId,
        boolean removed,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
