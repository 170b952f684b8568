package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * ACC-5: SLT or an account administrator records that an administrator completed training.
 *
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record RecordTrainingCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                    String administratorId, String recordedBy,
                                    @TargetAggregateVersion Long expectedVersion) {

    public RecordTrainingCommand(AccountId accountId, String schoolId, String administratorId, String recordedBy) {
        this(accountId, schoolId, administratorId, recordedBy, null);
    }
}
