package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * ACC-9: SLT suspends, reinstates or closes an account, with a reason.
 *
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record ChangeAccountStatusCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                         Change change, String reason,
                                         @TargetAggregateVersion Long expectedVersion) {

    public enum Change { SUSPEND, REINSTATE, CLOSE }
}
