package uk.schoolsocial.account.privacy.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * AUD-4: SLT records that the school answered the request on {@code fulfilledOn}.
 *
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record FulfilSubjectAccessRequestCommand(@TargetAggregateIdentifier SubjectAccessRequestId requestId,
                                                String schoolId, String actorId, LocalDate fulfilledOn,
                                                @TargetAggregateVersion Long expectedVersion) {
}
