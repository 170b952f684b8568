package uk.schoolsocial.account.application.command;

import java.util.List;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;

/** The business case of ACC-1 as a submission or a resubmission proposes it. */
interface ProposedCase {

    String schoolId();

    String applicantId();

    AccountPlatform platform();

    String proposedName();

    String proposedHandle();

    String aim();

    String audience();

    String promotion();

    List<String> administrators();

    AccountPrivacy privacy();

    String privacyReason();
}
