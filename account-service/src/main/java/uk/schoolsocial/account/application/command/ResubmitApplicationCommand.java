package uk.schoolsocial.account.application.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;

/** ACC-2: the applicant resubmits a rejected application as its next revision. */
public record ResubmitApplicationCommand(
        @TargetAggregateIdentifier ApplicationId applicationId,
        String schoolId,
        String applicantId,
        AccountPlatform platform,
        String proposedName,
        String proposedHandle,
        String aim,
        String audience,
        String promotion,
        List<String> administrators,
        AccountPrivacy privacy,
        String privacyReason,
        boolean actorIsSlt,
        List<NameClashAcceptance> nameClashAcceptances,
        @TargetAggregateVersion Long expectedVersion) implements ProposedCase {
}
