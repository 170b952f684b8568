package uk.schoolsocial.account.shared.command;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The roster as other aggregates' rules need it (set-based validation across aggregates). Kept
 * by a subscribing handler in the same transaction as the roster's events, so it is never behind.
 */
public interface StaffDirectory {

    /** ACC-1: the ids among {@code ids} that are neither current staff nor registered volunteers. */
    Set<String> notEligibleAdministrators(String schoolId, Collection<String> ids);

    /** ACC-3: the names of the school's current members of staff, in roster order, for {@link NameClashes}. */
    List<StaffName> currentStaffNames(String schoolId);
}
