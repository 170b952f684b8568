package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CON-3: the publication was removed. */
public record RecordTakedownCommand(@TargetAggregateIdentifier String publicationId, String schoolId, String note,
                                    String actorId) {
}
