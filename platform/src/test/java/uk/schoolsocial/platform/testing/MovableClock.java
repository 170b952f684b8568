package uk.schoolsocial.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by what a test says: a service's rules read it (its {@code Clock}
 * bean), so a test can build a history spread over days in seconds. Time still passes as on the
 * system clock, so a test that checks durations allows for the seconds it takes.
 */
public final class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Moves the clock forward. */
    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
