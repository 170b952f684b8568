package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-5: SLT or an account administrator records that an administrator completed training. */
public record RecordTrainingCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                    String administratorId, String recordedBy) {
}
