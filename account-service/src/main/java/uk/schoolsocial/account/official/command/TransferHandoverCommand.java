package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-7: an account administrator hands the account over to a named fit member of staff, with the
 * new login details it gets at the transfer (ACC-6: sealed in the vault, never in an event).
 */
public record TransferHandoverCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String handoverId,
                                      String newAdministratorId, CredentialVault.Credentials credentials) {

    @Override
    public String toString() {
        return "TransferHandoverCommand[accountId=" + accountId + ", handoverId=" + handoverId
                + ", newAdministratorId=" + newAdministratorId + "]";
    }
}
