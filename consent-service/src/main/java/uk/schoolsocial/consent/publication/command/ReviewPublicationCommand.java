package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.consent.ReviewDecision;

/** CON-6: the review of a leaver's publication is decided: keep it up, or take it down. */
public record ReviewPublicationCommand(@TargetAggregateIdentifier String publicationId, String schoolId,
                                       ReviewDecision decision, String reason, String actorId,
                                       @TargetAggregateVersion Long expectedVersion) {
}
