package uk.schoolsocial.account.official.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-5: SLT publishes a new version of the school's social media policy. */
public record PublishPolicyVersionCommand(String schoolId, String summary) {

    /** One policy per school; prefixed because aggregate ids are unique across aggregate types. */
    public static String policyId(String schoolId) {
        return "policy:" + schoolId;
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return policyId(schoolId);
    }
}
