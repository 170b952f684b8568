package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.consent.TakedownCause;

/**
 * The publication is to come down because of one pupil featured in it: their consent on its channel was
 * withdrawn (CON-3), they objected (CON-2), or they left and the school takes leavers' publications down
 * on its channel (CON-6).
 */
public record OpenTakedownCommand(@TargetAggregateIdentifier String publicationId, String pupilId,
                                  TakedownCause cause) {
}
