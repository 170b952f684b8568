package uk.schoolsocial.account.roster.command;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The roster as other aggregates' rules need it (set-based validation across aggregates). Kept
 * by a subscribing handler in the same transaction as the roster's events, so it is never behind.
 */
public interface StaffDirectory {

    /** ACC-1: the ids among {@code ids} that are neither current staff nor registered volunteers. */
    Set<String> notEligibleAdministrators(String schoolId, Collection<String> ids);

    /** ACC-3: the full name of a current member of staff that {@code text} contains, if any. */
    Optional<String> staffNameIn(String schoolId, String text);
}
