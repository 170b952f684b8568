package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-6: a current administrator asks to see the login details, saying why; the reveal is recorded. */
public record RevealCredentialsCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String actorId,
                                       String reason) {
}
