package uk.schoolsocial.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Stops what a launcher killed with SIGKILL left running (issue 11). Its children keep running
 * and keep their ports, and the next start used to refuse with "Port ... in use" until someone
 * found them and killed them by hand. Run at start, under the {@link LauncherLock} (so the
 * launcher that wrote the records is gone), before the ports are checked.
 *
 * <p>Only a process that is the one recorded is stopped: a pid the system has since given to
 * another process is left alone. Each is asked to stop (SIGTERM), so a service closes its pool
 * and the database shuts down cleanly, and killed only after a grace period, latest started
 * first, as a clean stop goes: the gateway, the services, then the database.
 */
final class Orphans {

    private static final Logger LOG = Logger.getLogger(Orphans.class.getName());
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    private Orphans() {}

    /** @throws SuiteStartException when a recorded process outlives SIGKILL */
    static void stop(ProcessRecords records, Duration grace) {
        for (ProcessRecord record : records.all()) {
            ProcessHandle.of(record.pid())
                    .filter(ProcessHandle::isAlive)
                    .ifPresent(process -> stopIfRecorded(record, process, grace));
            records.forget(record.name());
        }
    }

    private static void stopIfRecorded(ProcessRecord record, ProcessHandle process, Duration grace) {
        String who = record.name() + " (pid " + record.pid() + ")";
        if (!record.isSameAs(process)) {
            LOG.info("Pid " + record.pid() + ", recorded for " + record.name() + " by an earlier launcher, is"
                    + " another process's now (started " + process.info().startInstant().map(Object::toString)
                    .orElse("at an unknown time") + "); leaving it alone.");
            return;
        }
        LOG.warning(who + " is still running, left by an earlier launcher that did not stop it"
                + " (killed?); stopping it.");
        process.destroy(); // the handle checks its start instant again: a pid reused meanwhile is spared
        if (!exited(process, grace, who)) {
            LOG.warning(who + " did not stop within " + Durations.format(grace) + "; killing it.");
            process.destroyForcibly();
            if (!exited(process, AFTER_KILL, who)) {
                throw new SuiteStartException(who + ", left running by an earlier launcher, could not be"
                        + " stopped. Stop it by hand.");
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration within, String who) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!isZombie(process)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    process.onExit().get(Math.min(left, LOOK_AGAIN.toNanos()), TimeUnit.NANOSECONDS);
                    return true;
                } catch (TimeoutException e) {
                    // look again
                }
            }
            return true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the exit of " + who + " could not be observed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteStartException("Interrupted while stopping " + who, e);
        }
    }

    /** Whether a process has stopped: gone, or a zombie waiting to be collected (see {@link #isZombie}). */
    static boolean hasStopped(ProcessHandle process) {
        return !process.isAlive() || isZombie(process);
    }

    /**
     * An orphan that exited stays a zombie until its new parent, init, collects it, and the JDK
     * counts a zombie as alive. It holds no port any more, so it has stopped; where init collects
     * late or never, waiting for it would end in a false "could not be stopped". Linux only.
     */
    private static boolean isZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z'; // the state follows "(command) "
        } catch (IOException | RuntimeException e) {
            return false; // no /proc here, or the process has gone: onExit tells
        }
    }
}
