package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-5: an administrator acknowledges the current version of the policy for the account. */
public record AcknowledgePolicyCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                       String administratorId, int policyVersion) {
}
