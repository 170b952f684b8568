package uk.schoolsocial.account.official.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-4: an account administrator records the account created for an approved application. */
public record ProvisionAccountCommand(
        @TargetAggregateIdentifier AccountId accountId,
        String schoolId,
        String applicationId,
        String handle,
        String displayName,
        List<String> whoMayPost,
        boolean followersApproved,
        boolean taggingOff,
        String aupLink) {
}
