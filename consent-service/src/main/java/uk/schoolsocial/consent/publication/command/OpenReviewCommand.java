package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CON-6: a pupil featured in the publication left, and the school reviews leavers' publications on its channel. */
public record OpenReviewCommand(@TargetAggregateIdentifier String publicationId, String pupilId) {
}
