package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * ACC-6: an account administrator or a current administrator of the account stores new login
 * details (a rotation when there were some already).
 *
 * @param accountAdmin whether the actor holds the ACCOUNT_ADMIN role
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record StoreCredentialsCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String actorId,
                                      boolean accountAdmin, CredentialVault.Credentials credentials,
                                      @TargetAggregateVersion Long expectedVersion) {

    public StoreCredentialsCommand(AccountId accountId, String schoolId, String actorId, boolean accountAdmin,
                                   CredentialVault.Credentials credentials) {
        this(accountId, schoolId, actorId, accountAdmin, credentials, null);
    }

    @Override
    public String toString() {
        return "StoreCredentialsCommand[accountId=" + accountId + ", actorId=" + actorId + "]";
    }
}
