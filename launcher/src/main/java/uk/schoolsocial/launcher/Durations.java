package uk.schoolsocial.launcher;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in start-up messages: {@code 12.3 s}, {@code 30 days}. */
final class Durations {

    private Durations() {}

    static String since(long startNanos) {
        return format(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** @return in the largest unit that fits at least twice: a token lifetime, not a timing */
    static String roughly(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 2) {
            return duration.toHours() + " hours";
        }
        if (duration.toMinutes() >= 2) {
            return duration.toMinutes() + " minutes";
        }
        return duration.toSeconds() + " s";
    }
}
