package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-6: an account administrator or a current administrator of the account stores new login
 * details (a rotation when there were some already).
 *
 * @param accountAdmin whether the actor holds the ACCOUNT_ADMIN role
 */
public record StoreCredentialsCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String actorId,
                                      boolean accountAdmin, CredentialVault.Credentials credentials) {

    @Override
    public String toString() {
        return "StoreCredentialsCommand[accountId=" + accountId + ", actorId=" + actorId + "]";
    }
}
