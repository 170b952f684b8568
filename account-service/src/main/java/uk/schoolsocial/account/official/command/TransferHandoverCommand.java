package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-7: an account administrator hands the account over to a named member of staff; credentials are rotated. */
public record TransferHandoverCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId, String handoverId,
                                      String newAdministratorId) {
}
