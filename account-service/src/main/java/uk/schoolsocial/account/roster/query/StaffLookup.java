package uk.schoolsocial.account.roster.query;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.StaffName;

/**
 * {@link StaffDirectory} over {@code staff_member_view}. Current means current today on the school's
 * calendar (ACC-7): a member on notice is current until the end of their leaving date.
 */
@Singleton
public class StaffLookup implements StaffDirectory {

    private final StaffMemberViewRepository members;
    private final Clock clock;
    private final LeavingDates dates;

    StaffLookup(StaffMemberViewRepository members, Clock clock, LeavingDates dates) {
        this.members = members;
        this.clock = clock;
        this.dates = dates;
    }

    @Override
    public Set<String> notEligibleAdministrators(String schoolId, Collection<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            members.currentAmong(schoolId, ids, dates.today(clock.instant()))
                    .forEach(member -> missing.remove(member.staffId()));
        }
        return missing;
    }

    @Override
    public List<StaffName> currentStaffNames(String schoolId) {
        return members.currentStaff(schoolId, dates.today(clock.instant())).stream()
                .map(member -> new StaffName(member.forename(), member.surname())).toList();
    }
}
