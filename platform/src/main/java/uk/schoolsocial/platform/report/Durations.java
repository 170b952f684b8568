package uk.schoolsocial.platform.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How long a step took across the cases that had it, for a governors' report (common.yaml
 * {@code ReportDurations}): the count, and the median and 90th percentile in hours (rounded to
 * a tenth), null when no case had the step. The 90th percentile is nearest-rank (the smallest
 * value at or above which 90% of the values lie); the median of an even count is the mean of the
 * middle two.
 *
 * @param count       how many cases had the step
 * @param medianHours the median, or null
 * @param p90Hours    the 90th percentile, or null
 */
public record Durations(long count, Double medianHours, Double p90Hours) {

    /** The figures of these durations (negative ones, from clock skew, count as zero). */
    public static Durations of(Collection<Duration> durations) {
        List<Long> millis = new ArrayList<>(durations.stream().map(d -> Math.max(0L, d.toMillis())).toList());
        if (millis.isEmpty()) {
            return new Durations(0, null, null);
        }
        millis.sort(null);
        int n = millis.size();
        double median = n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2.0;
        int rank = (int) Math.ceil(0.9 * n);
        return new Durations(n, hours(median), hours(millis.get(rank - 1)));
    }

    private static double hours(double millis) {
        return Math.round(millis / 360_000.0) / 10.0;
    }
}
