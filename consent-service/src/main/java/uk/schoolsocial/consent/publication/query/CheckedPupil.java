package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/** One featured pupil with their consent on the checked channel, as one row of one query (CON-4). */
@Introspected
public record CheckedPupil(String pupilId, LocalDate dateOfBirth, @Nullable LocalDate leftOn,
                           @Nullable Instant objectedAt, @Nullable LocalDate givenOn, @Nullable LocalDate validUntil,
                           @Nullable Instant withdrawnAt) {

    /** CON-1, CON-3: standing consent that covers {@code day}. */
    boolean consentCovers(LocalDate day) {
        return givenOn != null && withdrawnAt == null && !day.isBefore(givenOn) && !day.isAfter(validUntil);
    }

    /** CON-6: leaving ends consent for new publications. */
    boolean leftBy(LocalDate day) {
        return leftOn != null && !leftOn.isAfter(day);
    }
}
