package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-5, ACC-7: a member of staff acknowledges the school's current policy version before running an account;
 * {@code actorId} is who asks, who must be that member.
 */
public record AcknowledgePolicyAsStaffCommand(String schoolId, String staffId, int policyVersion, String actorId) {

    @TargetAggregateIdentifier
    public String policyId() {
        return PublishPolicyVersionCommand.policyId(schoolId);
    }
}
