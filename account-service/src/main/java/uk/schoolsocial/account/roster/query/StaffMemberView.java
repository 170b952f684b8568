package uk.schoolsocial.account.roster.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.schoolsocial.account.shared.command.LeavingDates;

/**
 * One member of staff or volunteer of a school. Keyed {@code <schoolId>/<staffId>}. Whether they are
 * current is not stored: it depends on the day (ACC-7, {@link #currentOn}), so queries compare the
 * leaving date with the school's date.
 */
@MappedEntity("staff_member_view")
public record StaffMemberView(
        @Id String id,
        String schoolId,
        String staffId,
        String kind,
        String forename,
        String surname,
        @Nullable LocalDate leavingDate,
        String source,
        Instant firstRecordedAt,
        Instant updatedAt) {

    public static final String STAFF = "STAFF";
    public static final String VOLUNTEER = "VOLUNTEER";

    public static String key(String schoolId, String staffId) {
        return schoolId + "/" + staffId;
    }

    static StaffMemberView of(String schoolId, String staffId, String kind, String forename, String surname,
                              String source, Instant at, @Nullable StaffMemberView before) {
        return new StaffMemberView(key(schoolId, staffId), schoolId, staffId, kind, forename, surname, null, source,
                before == null ? at : before.firstRecordedAt(), at);
    }

    /** ACC-7: current until the end of their leaving date; {@code today} is the school's date. */
    public boolean currentOn(LocalDate today) {
        return LeavingDates.currentOn(leavingDate, today);
    }

    /** ACC-7: leaving on {@code date} (notice while it is to come), or staying after all when it is null. */
    StaffMemberView leaving(@Nullable LocalDate date, Instant at) {
        return new StaffMemberView(id, schoolId, staffId, kind, forename, surname, date, source,
                firstRecordedAt, at);
    }
}
