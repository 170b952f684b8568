package uk.schoolsocial.consent.consent.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * A pupil as the roster (CON-6) and their objection (CON-2) describe them. The objection's instant is
 * held to the microsecond, as its {@code TIMESTAMP(6)} column keeps it, so a row as written is the row
 * read back (CON-4: the publication check's index holds the rows as written).
 */
@MappedEntity("pupil_view")
public record PupilView(
        @Id String id,
        String schoolId,
        String pupilId,
        String givenName,
        String familyName,
        String givenNameKey,
        String familyNameKey,
        String yearGroup,
        LocalDate dateOfBirth,
        @Nullable LocalDate leftOn,
        @Nullable Instant objectedAt,
        long version) implements VersionedRow {

    public PupilView {
        objectedAt = Microseconds.of(objectedAt);
    }

    PupilView left(LocalDate on, long newVersion) {
        return new PupilView(id, schoolId, pupilId, givenName, familyName, givenNameKey, familyNameKey, yearGroup,
                dateOfBirth, on, objectedAt, newVersion);
    }

    PupilView objected(Instant at, long newVersion) {
        return new PupilView(id, schoolId, pupilId, givenName, familyName, givenNameKey, familyNameKey, yearGroup,
                dateOfBirth, leftOn, at, newVersion);
    }
}
