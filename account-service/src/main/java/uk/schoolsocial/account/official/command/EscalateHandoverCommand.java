package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-7: the handover's due time passed; escalate to SLT if it is still open. */
public record EscalateHandoverCommand(@TargetAggregateIdentifier AccountId accountId, String handoverId) {
}
