package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code java -jar launcher/target/launcher.jar}: starts the embedded database and the whole
 * suite, prints where everything is, and runs until Ctrl-C (or SIGTERM), then stops it all.
 * Configuration is by environment variable only; {@code --help} lists them.
 */
public final class Launcher {

    static {
        // one short line per message; set before java.util.logging reads it
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        }
    }

    /** Held so java.util.logging, which keeps loggers weakly, does not drop its file handler. */
    private static final Logger DATABASE_LOG = Logger.getLogger("ch.vorburger");

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.out.println(Usage.TEXT);
            System.exit(args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
        }
        try {
            SuiteConfig config = SuiteConfig.fromEnvironment(System.getenv());
            sendDatabaseOutputTo(DataDirectory.prepare(config.dataDir()).log("mariadb"));
            Suite suite = Suite.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopVisibly(suite), "launcher-shutdown"));
            System.out.println(StartupReport.of(suite));
            suite.awaitStop(); // a child that dies is restarted; only Ctrl-C or SIGTERM end the suite
        } catch (SuiteStartException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("The suite did not start. " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Says what happens after Ctrl-C, since stopping takes seconds. Printed rather than logged:
     * java.util.logging closes its handlers in a shutdown hook of its own.
     */
    private static void stopVisibly(Suite suite) {
        System.out.println("Stopping the suite ...");
        suite.stop();
        System.out.println("Stopped.");
    }

    /** MariaDB prints every server line; they go to their own log, not the console. */
    private static void sendDatabaseOutputTo(Path log) {
        try {
            FileHandler file = new FileHandler(log.toString().replace("%", "%%"), false);
            file.setFormatter(new SimpleFormatter());
            DATABASE_LOG.addHandler(file);
            DATABASE_LOG.setUseParentHandlers(false);
        } catch (IOException e) {
            System.err.println("Database output stays on the console: cannot write " + log + ": " + e.getMessage());
        }
    }
}
