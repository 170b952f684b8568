package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-5, ACC-7: SLT or an account administrator records that a member of staff completed training. */
public record RecordStaffTrainingCommand(String schoolId, String staffId, String recordedBy) {

    @TargetAggregateIdentifier
    public String policyId() {
        return PublishPolicyVersionCommand.policyId(schoolId);
    }
}
