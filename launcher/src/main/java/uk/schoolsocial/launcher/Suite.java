package uk.schoolsocial.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The whole suite running as child processes of this JVM: a database (embedded unless
 * configured), the three services and the gateway. Used by the command line and, in-process, by
 * end-to-end tests:
 *
 * <pre>{@code
 * try (Suite suite = Suite.start(SuiteConfig.fromEnvironment(System.getenv())
 *         .withPorts(Ports.startingAt(18080))
 *         .withDataDir(Path.of("target/suite-data")))) {
 *     given().baseUri(suite.gatewayUrl().toString()).auth().oauth2(suite.token("slt")) ...
 * }
 * }</pre>
 *
 * A JVM shutdown hook stops everything if the owner does not, so a test run that dies leaves no
 * processes behind. While it runs, a service or the gateway that dies is started again with
 * back-off ({@link RestartPolicy}), in-process as from the command line (issue 11).
 */
public final class Suite implements AutoCloseable {

    /** The demo users of the runtime contract, in the order the launcher prints them. */
    public static final List<String> DEMO_USERS =
            List.of("staff", "slt", "dsl", "admin", "parent", "auditor", "mis", "other-slt", "trust-auditor");

    private static final Logger LOG = Logger.getLogger(Suite.class.getName());
    /** The name the embedded database's process is recorded under, beside the deployables'. */
    private static final String EMBEDDED_DB = "mariadb";

    private final DataDirectory dataDir;
    private final LauncherLock lock;
    private final ProcessRecords records;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook = new Thread(this::stop, "suite-shutdown");
    private final CountDownLatch stopDone = new CountDownLatch(1);
    // volatile: read by the shutdown hook's stop() while start() may still be running
    private volatile EmbeddedMariaDb embeddedDb;
    private volatile DatabaseServer database;
    private volatile ProcessGroup processes;
    private volatile Duration startupTime;
    private boolean stopped;

    private Suite(DataDirectory dataDir, LauncherLock lock) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.records = new ProcessRecords(dataDir.run());
    }

    /**
     * Stops what a killed launcher left running from the same data directory (issue 11), then
     * starts the database and creates the schemas, then the services in parallel, then the
     * gateway, each waited for until {@code GET /health} answers 200. On any failure everything
     * already started is stopped again.
     *
     * @throws SuiteStartException naming what failed, with the tail of its log where there is one
     */
    public static Suite start(SuiteConfig config) {
        long began = System.nanoTime();
        ProjectHome.requireJars(config.home());
        LauncherLock lock = Preflight.claim(config);
        Suite suite;
        try {
            suite = new Suite(DataDirectory.prepare(config.dataDir()), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            String secret =
                    InternalTokenSecret.resolve(config.internalTokenSecret(), suite.dataDir.internalTokenSecret());
            suite.startDatabase(config);
            suite.startProcesses(new ChildLaunchPlan(config, suite.dataDir, suite.database, secret), config);
        } catch (RuntimeException e) {
            suite.stop();
            throw e;
        } catch (InterruptedException e) {
            suite.stop();
            Thread.currentThread().interrupt();
            throw new SuiteStartException("Interrupted while starting the suite", e);
        }
        suite.startupTime = Duration.ofNanos(System.nanoTime() - began);
        return suite;
    }

    public URI gatewayUrl() {
        return processes.gatewayUrl();
    }

    /** @return the gateway's API documentation page */
    public URI docsUrl() {
        return gatewayUrl().resolve("/docs");
    }

    /** @return each service's own URL by module name; services accept internal tokens only */
    public Map<String, URI> serviceUrls() {
        return processes.serviceUrls();
    }

    public Path dataDir() {
        return dataDir.root();
    }

    /** @return the JDBC URL of the database server, without a schema */
    public String databaseUrl() {
        return database.url();
    }

    public boolean isDatabaseEmbedded() {
        return embeddedDb != null;
    }

    /** @return from the call to {@link #start} until the gateway answered */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * @param user one of {@link #DEMO_USERS}
     * @return a fresh bearer token from the gateway's dev issuer ({@code POST /dev/token})
     * @throws IllegalStateException when the gateway refuses, e.g. in OIDC mode
     */
    public String token(String user) {
        return devToken(user).accessToken();
    }

    DevTokenClient.DevToken devToken(String user) {
        try {
            return new DevTokenClient(http, gatewayUrl()).fetch(user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a token for " + user, e);
        }
    }

    /**
     * Blocks until {@link #stop()} has finished. A process that dies meanwhile is started again
     * (issue 11), so nothing else ends the suite.
     */
    public void awaitStop() throws InterruptedException {
        stopDone.await();
    }

    /**
     * Stops the gateway, the services, then the embedded database. Safe to call again; a second
     * caller returns once the first has finished.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (processes != null) {
                processes.stop();
            }
            if (embeddedDb != null) {
                embeddedDb.close();
                if (embeddedDb.process().isEmpty()) { // else the next start stops it
                    records.forget(EMBEDDED_DB);
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and this is (or follows) that hook: nothing to remove
            }
            LOG.info("Suite stopped.");
        } finally {
            try {
                lock.close(); // last: a launcher taking over finds only what could not be stopped
            } finally {
                stopDone.countDown();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void startDatabase(SuiteConfig config) {
        Optional<DatabaseServer> external = config.externalDatabase();
        if (external.isPresent()) {
            database = external.get();
            LOG.info("Using the database server at " + database.url());
        } else {
            long began = System.nanoTime();
            LOG.info("Starting the embedded MariaDB on port " + config.ports().database() + " ...");
            EmbeddedMariaDb db = new EmbeddedMariaDb(dataDir, config.ports().database());
            adopt(() -> embeddedDb = db);
            db.start();
            recordDatabase(db);
            database = db.server();
            LOG.info("Embedded MariaDB is up (" + Durations.since(began) + ")");
        }
        Schemas.createIfMissing(database);
    }

    private void startProcesses(ChildLaunchPlan plan, SuiteConfig config) throws InterruptedException {
        ProcessGroup group = new ProcessGroup(plan, dataDir, records, config.verbose(), RestartPolicy.DEFAULT);
        adopt(() -> processes = group);
        group.start(new HealthProbe(http), config.startTimeout());
    }

    /**
     * Records a part before it starts, under the lock {@link #stop()} holds: either stop() sees
     * the part and stops it, or it has already run and the start ends here. Nothing is orphaned.
     */
    private synchronized void adopt(Runnable record) {
        if (stopped) {
            throw new SuiteStartException("The suite was stopped while starting");
        }
        record.run();
    }

    /** MariaDB runs as a process of its own, which a killed launcher leaves running too (issue 11). */
    private void recordDatabase(EmbeddedMariaDb db) {
        Optional<ProcessHandle> server = db.process();
        if (server.isPresent()) {
            records.record(EMBEDDED_DB, server.get());
        } else {
            LOG.warning("Cannot find the embedded MariaDB's process to record it. Should the launcher be"
                    + " killed, stop it by hand.");
        }
    }
}
