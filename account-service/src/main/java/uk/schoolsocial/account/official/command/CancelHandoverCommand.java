package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-7: the leaver's notice was withdrawn; the handover it opened, if still open, is cancelled. */
public record CancelHandoverCommand(@TargetAggregateIdentifier AccountId accountId, String handoverId) {
}
