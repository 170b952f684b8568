package uk.schoolsocial.launcher;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A service or the gateway, started again whenever it dies (issue 11): one dead service used to
 * stop the whole suite. Deaths are handled on the group's scheduler thread, and a restart is a
 * task scheduled after the {@link RestartPolicy}'s delay, so no thread sleeps through a back-off.
 *
 * <p>Watching begins only once the whole group is up ({@link #watch()}): a child that dies while
 * the suite starts fails the start, with the tail of its log, as before.
 */
final class SupervisedChild {

    /** Starts one process of the child; {@code restart} is false for the first. */
    @FunctionalInterface
    interface Launch {
        ChildProcess start(boolean restart);
    }

    private static final Logger LOG = Logger.getLogger(SupervisedChild.class.getName());

    private final String name;
    private final Launch launch;
    private final RestartPolicy policy;
    private final ScheduledExecutorService scheduler;
    private ChildProcess current;
    private long startedNanos;
    private int restartsInARow;
    private boolean stopped;
    private boolean givenUp;

    SupervisedChild(String name, Launch launch, RestartPolicy policy, ScheduledExecutorService scheduler) {
        this.name = name;
        this.launch = launch;
        this.policy = policy;
        this.scheduler = scheduler;
    }

    /** Starts the first process; it is not restarted until {@link #watch()}. */
    synchronized ChildProcess start() {
        current = launch.start(false);
        startedNanos = System.nanoTime();
        return current;
    }

    /** From now on, a death of the child is answered with a restart. */
    synchronized void watch() {
        watch(current);
    }

    /** @return the latest process, which may have died and be waiting for its restart */
    synchronized ChildProcess current() {
        return current;
    }

    synchronized boolean isGivenUp() {
        return givenUp;
    }

    /**
     * Ends the supervision. Waits for a restart under way, so the process it starts is the one
     * returned and is not left running.
     *
     * @return the process to stop; may have exited already
     */
    synchronized ChildProcess stop() {
        stopped = true;
        return current;
    }

    private void watch(ChildProcess child) {
        // on the scheduler, not the JDK's process reaper thread; rejected once the group stops
        child.onExit().thenRunAsync(() -> exited(child), scheduler);
    }

    private synchronized void exited(ChildProcess child) {
        if (stopped) {
            return;
        }
        Duration uptime = Duration.ofNanos(System.nanoTime() - startedNanos);
        died(name + " (pid " + child.pid() + ") exited with code " + child.exitCode() + " after "
                + Durations.format(uptime), uptime, child);
    }

    private synchronized void restart() {
        if (stopped) {
            return;
        }
        try {
            start();
        } catch (RuntimeException e) {
            died(name + " could not be started again (" + e.getMessage() + ")", Duration.ZERO, null);
            return;
        }
        LOG.info(name + " restarted (pid " + current.pid() + ", attempt " + restartsInARow + ").");
        watch(current);
    }

    /**
     * @param deadProcess the process that exited, for the tail of its log; null when none started
     */
    private void died(String what, Duration uptime, ChildProcess deadProcess) {
        restartsInARow = policy.recovered(uptime) ? 1 : restartsInARow + 1;
        if (restartsInARow > policy.maxRestarts()) {
            givenUp = true;
            LOG.severe("Giving up on " + name + ": " + what + "; none of its last " + policy.maxRestarts()
                    + " restarts stayed up " + Durations.format(policy.stableAfter()) + ". The rest of the suite"
                    + " keeps running without it; restart the launcher once the cause is fixed."
                    + (deadProcess == null ? "" : "\n" + deadProcess.lastLines()));
            return;
        }
        Duration delay = policy.delayBefore(restartsInARow);
        LOG.warning(what + "; restarting it in " + Durations.format(delay) + " (attempt " + restartsInARow
                + " of " + policy.maxRestarts() + ").");
        scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
