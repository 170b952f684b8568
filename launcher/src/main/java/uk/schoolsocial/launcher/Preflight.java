package uk.schoolsocial.launcher;

import java.nio.file.Files;

/**
 * What happens before anything starts: the data directory is locked for this suite, whatever a
 * killed launcher left running from it is stopped (issue 11), and only then are the ports checked,
 * which those leftovers would otherwise hold.
 */
final class Preflight {

    private Preflight() {}

    /**
     * A data directory that does not exist yet has had no launcher: it is created only once the
     * ports are known to be free, so a start refused for a port leaves nothing behind.
     *
     * @return the lock, held until the suite stops
     * @throws SuiteStartException when another suite holds the directory, a leftover cannot be
     *     stopped, or a port is in use
     */
    static LauncherLock claim(SuiteConfig config) {
        LauncherLock lock =
                Files.isDirectory(config.dataDir()) ? takeOver(DataDirectory.prepare(config.dataDir())) : null;
        try {
            requirePortsFree(config);
            return lock != null ? lock : LauncherLock.acquire(DataDirectory.prepare(config.dataDir()));
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static LauncherLock takeOver(DataDirectory dir) {
        LauncherLock lock = LauncherLock.acquire(dir);
        try {
            Orphans.stop(new ProcessRecords(dir.run()), ProcessGroup.STOP_GRACE);
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static void requirePortsFree(SuiteConfig config) {
        for (Deployable deployable : Deployable.values()) {
            int instances = deployable.isService() ? config.instances() : 1;
            for (int instance = 0; instance < instances; instance++) {
                PortCheck.requireFree(ChildLaunchPlan.host(deployable, config), deployable.port(config.ports(), instance),
                        deployable.processName(instance), deployable.portVariable());
            }
        }
        if (config.externalDatabase().isEmpty()) {
            PortCheck.requireFree("127.0.0.1", config.ports().database(), "the embedded MariaDB", "SMP_DB_PORT");
        }
    }
}
