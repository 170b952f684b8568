package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * ACC-9: SLT reviews the account's purpose; the next review is due a review period later.
 *
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record ReviewAccountCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String reviewedBy,
                                   String notes, @TargetAggregateVersion Long expectedVersion) {

    public ReviewAccountCommand(AccountId accountId, String schoolId, String reviewedBy, String notes) {
        this(accountId, schoolId, reviewedBy, notes, null);
    }
}
