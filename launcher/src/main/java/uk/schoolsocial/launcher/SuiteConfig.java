package uk.schoolsocial.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to start the suite. The command line builds it from the environment; tests
 * in other modules start from {@link #fromEnvironment(Map)} too and then move the ports and the
 * data directory with the {@code with...} methods, so a developer's running suite and data are
 * never touched.
 *
 * @param home project root holding {@code <module>/target/<module>.jar}
 * @param dataDir embedded database, secrets and logs; kept between runs
 * @param ports where each process listens
 * @param gatewayHost interface the gateway binds to; services always bind to 127.0.0.1
 * @param externalDatabase a server to use instead of the embedded MariaDB
 * @param internalTokenSecret overrides the secret kept in the data directory
 * @param jvmOptions options for every child JVM
 * @param startTimeout how long each process may take to answer {@code GET /health}
 * @param verbose whether child output is echoed to the console as well as logged
 * @param instances how many instances of each service run against the one database (issue 13); the
 *     gateway balances between them. Instance {@code n} (from 2) listens on the service's port plus
 *     {@code 10 * (n - 1)}
 */
public record SuiteConfig(
        Path home,
        Path dataDir,
        Ports ports,
        String gatewayHost,
        Optional<DatabaseServer> externalDatabase,
        Optional<String> internalTokenSecret,
        List<String> jvmOptions,
        Duration startTimeout,
        boolean verbose,
        int instances) {

    /** Modest: four JVMs plus a database share a laptop or a 2-core CI machine. */
    static final String DEFAULT_JAVA_OPTS = "-Xss512k -XX:+UseSerialGC -Xmx256m";

    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    /** Enough to run services side by side on one machine; the step between their ports is 10. */
    static final int MAX_INSTANCES = 9;

    public SuiteConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(gatewayHost, "gatewayHost");
        Objects.requireNonNull(externalDatabase, "externalDatabase");
        Objects.requireNonNull(internalTokenSecret, "internalTokenSecret");
        jvmOptions = List.copyOf(jvmOptions);
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("start timeout must be positive: " + startTimeout);
        }
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances must be from 1 to " + MAX_INSTANCES + ": " + instances);
        }
    }

    /**
     * Reads the {@code SMP_*} variables that {@code --help} lists ({@link Usage}); every one is
     * optional.
     *
     * @param env usually {@link System#getenv()}
     * @return the configuration, with the project root found from the working directory or the
     *     launcher jar when {@code SMP_HOME} is unset
     */
    public static SuiteConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Path.of("").toAbsolutePath());
    }

    static SuiteConfig fromEnvironment(Map<String, String> env, Path workingDir) {
        EnvReader vars = new EnvReader(env);
        Path home =
                vars.text("SMP_HOME")
                        .map(Path::of)
                        .orElseGet(() -> ProjectHome.locate(workingDir, ProjectHome.launcherJar()));
        Path dataDir =
                vars.text("SMP_DATA_DIR")
                        .map(Path::of)
                        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".school-social"));
        Ports ports =
                new Ports(
                        vars.port(Deployable.GATEWAY.portVariable(), Ports.DEFAULTS.gateway()),
                        vars.port(Deployable.ACCOUNT.portVariable(), Ports.DEFAULTS.account()),
                        vars.port(Deployable.INCIDENT.portVariable(), Ports.DEFAULTS.incident()),
                        vars.port(Deployable.CONSENT.portVariable(), Ports.DEFAULTS.consent()),
                        vars.port("SMP_DB_PORT", Ports.DEFAULTS.database()));
        Optional<DatabaseServer> external =
                vars.text("SMP_DB_URL")
                        .map(
                                url ->
                                        new DatabaseServer(
                                                url,
                                                vars.text("SMP_DB_USER").orElse("root"),
                                                env.getOrDefault("SMP_DB_PASSWORD", "")));
        return new SuiteConfig(
                home.toAbsolutePath().normalize(),
                dataDir.toAbsolutePath().normalize(),
                ports,
                vars.text("SMP_GATEWAY_HOST").orElse("127.0.0.1"),
                external,
                vars.text("SMP_INTERNAL_TOKEN_SECRET"),
                Arrays.asList(vars.text("SMP_JAVA_OPTS").orElse(DEFAULT_JAVA_OPTS).split("\\s+")),
                vars.seconds("SMP_START_TIMEOUT_SECONDS", DEFAULT_START_TIMEOUT),
                vars.text("SMP_VERBOSE").map(Boolean::parseBoolean).orElse(false),
                vars.number("SMP_INSTANCES", 1, 1, MAX_INSTANCES));
    }

    public SuiteConfig withHome(Path newHome) {
        return new SuiteConfig(newHome, dataDir, ports, gatewayHost, externalDatabase,
                internalTokenSecret, jvmOptions, startTimeout, verbose, instances);
    }

    public SuiteConfig withDataDir(Path newDataDir) {
        return new SuiteConfig(home, newDataDir, ports, gatewayHost, externalDatabase,
                internalTokenSecret, jvmOptions, startTimeout, verbose, instances);
    }

    public SuiteConfig withPorts(Ports newPorts) {
        return new SuiteConfig(home, dataDir, newPorts, gatewayHost, externalDatabase,
                internalTokenSecret, jvmOptions, startTimeout, verbose, instances);
    }

    public SuiteConfig withInternalTokenSecret(String secret) {
        return new SuiteConfig(home, dataDir, ports, gatewayHost, externalDatabase,
                Optional.of(secret), jvmOptions, startTimeout, verbose, instances);
    }

    public SuiteConfig withStartTimeout(Duration timeout) {
        return new SuiteConfig(home, dataDir, ports, gatewayHost, externalDatabase,
                internalTokenSecret, jvmOptions, timeout, verbose, instances);
    }

    public SuiteConfig withInstances(int count) {
        return new SuiteConfig(home, dataDir, ports, gatewayHost, externalDatabase,
                internalTokenSecret, jvmOptions, startTimeout, verbose, count);
    }

    /** Leaves the secret out: configurations end up in logs and test reports. */
    @Override
    public String toString() {
        return "SuiteConfig[home=" + home + ", dataDir=" + dataDir + ", ports=" + ports
                + ", gatewayHost=" + gatewayHost + ", externalDatabase=" + externalDatabase
                + ", internalTokenSecret=" + internalTokenSecret.map(s -> "***").orElse("(data dir)")
                + ", jvmOptions=" + jvmOptions + ", startTimeout=" + startTimeout
                + ", verbose=" + verbose + ", instances=" + instances + "]";
    }
}
