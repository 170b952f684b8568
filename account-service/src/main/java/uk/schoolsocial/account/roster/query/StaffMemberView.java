package uk.schoolsocial.account.roster.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.schoolsocial.account.roster.command.StaffNames;

/** One member of staff or volunteer of a school. Keyed {@code <schoolId>/<staffId>}. */
@MappedEntity("staff_member_view")
public record StaffMemberView(
        @Id String id,
        String schoolId,
        String staffId,
        String kind,
        String forename,
        String surname,
        String normalisedName,
        boolean current,
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
        return new StaffMemberView(key(schoolId, staffId), schoolId, staffId, kind, forename, surname,
                forename == null || surname == null ? null : StaffNames.normalise(forename + surname), true, null, source,
                before == null ? at : before.firstRecordedAt(), at);
    }

    StaffMemberView left(LocalDate date, Instant at) {
        return new StaffMemberView(id, schoolId, staffId, kind, forename, surname, normalisedName, false, date, source,
                firstRecordedAt, at);
    }
}
