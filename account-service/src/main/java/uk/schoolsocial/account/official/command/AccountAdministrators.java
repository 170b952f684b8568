package uk.schoolsocial.account.official.command;

import java.util.List;
import java.util.Optional;

/**
 * ACC-8: who administers an official account, and whether it is closed, for the rule on who may
 * log and answer its messages. Kept by a subscribing handler in the transaction of the account's
 * events, so it is never behind. The official accounts as other features' aggregates need them, as
 * {@code StaffDirectory} is the roster: the feature that keeps the facts declares the port.
 */
public interface AccountAdministrators {

    /** The school's account, if it exists. */
    Optional<Account> find(String schoolId, String accountId);

    record Account(List<String> administrators, boolean closed) {

        /** ACC-8: an administrator of the account or SLT may log and answer. */
        public boolean mayRespond(String actorId, boolean slt) {
            return slt || administrators.contains(actorId);
        }
    }
}
