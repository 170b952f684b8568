package uk.schoolsocial.launcher;

import java.time.Duration;

/**
 * When a child that died is started again (issue 11). The first restart waits {@code firstDelay};
 * each further death soon after starting doubles the wait, up to {@code maxDelay}, so a service
 * that cannot start (its database refuses it, say) is not relaunched in a tight loop that takes
 * the CPU from the rest of the suite. A child that stayed up for {@code stableAfter} counts as
 * recovered: its next death starts from {@code firstDelay} again.
 *
 * <p>A child that died within {@code stableAfter} of starting {@code maxRestarts} restarts in a
 * row is given up on: it fails the same way each time, and retrying for ever would only hide the
 * cause and fill its log. The rest of the suite keeps running; restarting the launcher tries again.
 *
 * @param firstDelay the wait before the first restart in a row
 * @param maxDelay the longest wait
 * @param stableAfter how long a child must stay up to count as recovered
 * @param maxRestarts how many restarts in a row a child gets before it is given up on
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter, int maxRestarts) {

    /** 1 s, 2 s, 4 s ... 30 s: ten restarts span about two and a half minutes. */
    static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 10);

    RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxRestarts < 1) {
            throw new IllegalArgumentException("not a restart policy: " + firstDelay + ", " + maxDelay
                    + ", " + maxRestarts + " restarts");
        }
    }

    /**
     * @param attempt 1 for the first restart in a row
     * @return how long to wait before that restart
     */
    Duration delayBefore(int attempt) {
        int doublings = Math.min(attempt - 1, 30); // beyond this the cap applies anyway
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** @return whether a child that ran this long had recovered before it died */
    boolean recovered(Duration uptime) {
        return uptime.compareTo(stableAfter) >= 0;
    }
}
