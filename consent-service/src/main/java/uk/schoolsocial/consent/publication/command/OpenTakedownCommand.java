package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.consent.ConsentChannel;

/** CON-3: a pupil's consent for this channel was withdrawn; the publication is to come down. */
public record OpenTakedownCommand(@TargetAggregateIdentifier String publicationId, String pupilId,
                                  ConsentChannel channel) {
}
