package uk.schoolsocial.account.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * AUD-4 (UK GDPR Art. 12(3)): SLT extends the time to answer by one or two months, with a reason.
 *
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record ExtendSubjectAccessRequestCommand(@TargetAggregateIdentifier SubjectAccessRequestId requestId,
                                                String schoolId, String actorId, String reason, int months,
                                                @TargetAggregateVersion Long expectedVersion) {
}
