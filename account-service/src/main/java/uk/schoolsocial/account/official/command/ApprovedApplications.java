package uk.schoolsocial.account.official.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;

/**
 * ACC-4: what the provisioning of an account needs to know about its application. Kept by a
 * subscribing handler in the transaction of the application's events, so it is never behind.
 */
public interface ApprovedApplications {

    /** The application of the school, if it exists; {@code approved} false unless its latest revision is approved. */
    Optional<Approval> find(String schoolId, String applicationId);

    /** ACC-5: the school's current policy version (1 before any was published). */
    int currentPolicyVersion(String schoolId);

    /** {@code acceptedWords}: the staff surnames SLT accepted in the application's names (ACC-3). */
    record Approval(boolean approved, boolean provisioned, AccountPlatform platform, List<String> administrators,
                    AccountPrivacy privacy, Set<String> acceptedWords) {
    }
}
