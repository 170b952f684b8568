package uk.schoolsocial.account.application.command;

import java.util.List;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;

/**
 * The business case of ACC-1 as a submission or a resubmission proposes it, and who proposes it.
 *
 * @param actorIsSlt           ACC-3: whether the one who proposes it is SLT, who alone may accept a surname clash
 * @param nameClashAcceptances ACC-3: the surname clashes SLT accepts for this application; null or empty for none
 */
public record ProposedCase(
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
        List<NameClashAcceptance> nameClashAcceptances) {
}
