package uk.schoolsocial.account.roster.query;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import uk.schoolsocial.account.roster.command.StaffDirectory;
import uk.schoolsocial.account.roster.command.StaffNames;

/** {@link StaffDirectory} over {@code staff_member_view}. */
@Singleton
public class StaffLookup implements StaffDirectory {

    private final StaffMemberViewRepository members;

    StaffLookup(StaffMemberViewRepository members) {
        this.members = members;
    }

    @Override
    public Set<String> notEligibleAdministrators(String schoolId, Collection<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            members.findBySchoolIdAndStaffIdInAndCurrent(schoolId, ids, true)
                    .forEach(member -> missing.remove(member.staffId()));
        }
        return missing;
    }

    @Override
    public Optional<String> staffNameIn(String schoolId, String text) {
        String normalised = StaffNames.normalise(text);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return members.namedIn(schoolId, normalised).stream().findFirst()
                .map(member -> member.forename() + " " + member.surname());
    }
}
