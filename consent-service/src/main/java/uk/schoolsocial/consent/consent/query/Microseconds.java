package uk.schoolsocial.consent.consent.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as a {@code TIMESTAMP(6)} column keeps them. Cut here rather than by the server, which
 * truncates (MariaDB) or rounds (MySQL 8) what is finer.
 */
final class Microseconds {

    private Microseconds() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
