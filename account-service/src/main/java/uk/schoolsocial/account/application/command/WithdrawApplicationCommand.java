package uk.schoolsocial.account.application.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * ACC-2: the applicant withdraws an application before it is decided.
 *
 * @param expectedVersion from {@code If-Match}; null to withdraw whatever the current version
 */
public record WithdrawApplicationCommand(
        @TargetAggregateIdentifier ApplicationId applicationId,
        String schoolId,
        String actorId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
