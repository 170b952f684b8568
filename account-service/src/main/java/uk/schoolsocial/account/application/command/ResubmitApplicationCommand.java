package uk.schoolsocial.account.application.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** ACC-2: the applicant resubmits a rejected application as its next revision. */
public record ResubmitApplicationCommand(
        @TargetAggregateIdentifier ApplicationId applicationId,
        ProposedCase proposal,
        @TargetAggregateVersion Long expectedVersion) {
}
