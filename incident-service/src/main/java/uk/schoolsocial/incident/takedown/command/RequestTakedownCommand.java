package uk.schoolsocial.incident.takedown.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/** INC-5: a person or a platform is asked to remove a post. */
public record RequestTakedownCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        String takedownId,
        TakedownAddressee addressee,
        String addressedTo,
        String reference,
        @TargetAggregateVersion Long expectedVersion) {
}
