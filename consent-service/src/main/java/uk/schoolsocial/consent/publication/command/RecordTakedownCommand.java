package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** CON-3: the publication was removed. */
public record RecordTakedownCommand(@TargetAggregateIdentifier String publicationId, String schoolId, String note,
                                    String actorId, @TargetAggregateVersion Long expectedVersion) {
}
