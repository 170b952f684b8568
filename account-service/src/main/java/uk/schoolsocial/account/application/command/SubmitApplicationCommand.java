package uk.schoolsocial.account.application.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;

/** ACC-1: a member of staff applies for an official account with a business case. */
public record SubmitApplicationCommand(
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
        List<NameClashAcceptance> nameClashAcceptances) implements ProposedCase {
}
