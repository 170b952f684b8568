package uk.schoolsocial.account.official.command;

import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.platform.error.DomainException;

/**
 * ACC-7: a handover goes only to a current member of staff (or registered volunteer) who is fit
 * as ACC-5 means it: they acknowledged the policy version the account requires and completed
 * training, on any of the school's accounts.
 */
final class TransferTarget {

    private TransferTarget() {
    }

    static void requireFit(String schoolId, String staffId, int policyVersion, StaffDirectory roster,
                           StaffFitness fitness) {
        requireCurrentStaff(schoolId, staffId, roster);
        StaffFitness.Record record = fitness.of(schoolId, staffId);
        List<String> missing = new ArrayList<>();
        if (record.acknowledgedVersion() < policyVersion) {
            missing.add("has not acknowledged policy version " + policyVersion);
        }
        if (!record.trained()) {
            missing.add("has not completed training");
        }
        if (!missing.isEmpty()) {
            throw new DomainException(AccountError.NOT_FIT_TO_ADMINISTER,
                    staffId + " is not fit to run the account: " + String.join(" and ", missing));
        }
    }

    /** ACC-5, ACC-7: only a current member of staff or registered volunteer may run an account, or become fit to. */
    static void requireCurrentStaff(String schoolId, String staffId, StaffDirectory roster) {
        if (!roster.notEligibleAdministrators(schoolId, List.of(staffId)).isEmpty()) {
            throw new DomainException(AccountError.NOT_CURRENT_STAFF,
                    staffId + " is not a current member of staff or a registered volunteer");
        }
    }
}
