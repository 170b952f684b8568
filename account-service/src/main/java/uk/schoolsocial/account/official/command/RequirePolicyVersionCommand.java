package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-5: a new policy version was published; the account checks its administrators against it. */
public record RequirePolicyVersionCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                          int policyVersion) {
}
