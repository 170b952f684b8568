package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-9: SLT reviews the account's purpose; the next review is due a review period later. */
public record ReviewAccountCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String reviewedBy,
                                   String notes) {
}
