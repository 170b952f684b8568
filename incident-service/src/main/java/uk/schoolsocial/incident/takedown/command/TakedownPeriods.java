package uk.schoolsocial.incident.takedown.command;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * INC-5: each school's own periods for takedown requests to a platform, as SLT last set them, kept
 * in the transaction of their events so a new period counts for the very next request.
 */
public interface TakedownPeriods {

    /** The school's own period for requests to {@code platform}; empty where it set none. */
    Optional<Duration> of(String schoolId, String platform);

    /** How platforms are matched: without case and surrounding spaces ("Facebook" is " facebook"). */
    static String key(String platform) {
        return platform.strip().toLowerCase(Locale.ROOT);
    }
}
