package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuiteConfigTest {

    private static final Path WORKING_DIR = Path.of("/nowhere/in/particular");

    @Test
    void defaultsFollowTheRuntimeContract() {
        SuiteConfig config = SuiteConfig.fromEnvironment(Map.of(), WORKING_DIR);

        assertEquals(Ports.DEFAULTS, config.ports());
        assertEquals(new Ports(8080, 8081, 8082, 8083, 3307), config.ports());
        assertEquals(Path.of(System.getProperty("user.home"), ".school-social"), config.dataDir());
        assertEquals("127.0.0.1", config.gatewayHost());
        assertEquals(Optional.empty(), config.externalDatabase());
        assertEquals(Optional.empty(), config.internalTokenSecret());
        assertEquals(List.of("-Xss512k", "-XX:+UseSerialGC", "-Xmx256m"), config.jvmOptions());
        assertEquals(Duration.ofSeconds(180), config.startTimeout());
        assertFalse(config.verbose());
    }

    @Test
    void everySettingComesFromItsVariable() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("SMP_HOME", "/opt/smp"),
                Map.entry("SMP_DATA_DIR", "/var/lib/smp"),
                Map.entry("SMP_GATEWAY_PORT", "9080"),
                Map.entry("SMP_ACCOUNT_PORT", "9081"),
                Map.entry("SMP_INCIDENT_PORT", "9082"),
                Map.entry("SMP_CONSENT_PORT", "9083"),
                Map.entry("SMP_DB_PORT", "9306"),
                Map.entry("SMP_GATEWAY_HOST", "0.0.0.0"),
                Map.entry("SMP_DB_URL", "jdbc:mysql://db.internal:3306"),
                Map.entry("SMP_DB_USER", "smp"),
                Map.entry("SMP_DB_PASSWORD", "pw"),
                Map.entry("SMP_INTERNAL_TOKEN_SECRET", "s".repeat(40)),
                Map.entry("SMP_JAVA_OPTS", "  -Xmx512m   -XX:+UseG1GC "),
                Map.entry("SMP_START_TIMEOUT_SECONDS", "30"),
                Map.entry("SMP_VERBOSE", "true"));

        SuiteConfig config = SuiteConfig.fromEnvironment(env, WORKING_DIR);

        assertEquals(Path.of("/opt/smp"), config.home());
        assertEquals(Path.of("/var/lib/smp"), config.dataDir());
        assertEquals(new Ports(9080, 9081, 9082, 9083, 9306), config.ports());
        assertEquals("0.0.0.0", config.gatewayHost());
        assertEquals(Optional.of(new DatabaseServer("jdbc:mysql://db.internal:3306", "smp", "pw")),
                config.externalDatabase());
        assertEquals(Optional.of("s".repeat(40)), config.internalTokenSecret());
        assertEquals(List.of("-Xmx512m", "-XX:+UseG1GC"), config.jvmOptions());
        assertEquals(Duration.ofSeconds(30), config.startTimeout());
        assertTrue(config.verbose());
    }

    @Test
    void anExternalDatabaseWithoutCredentialsLogsInAsRootWithoutPassword() {
        SuiteConfig config = SuiteConfig.fromEnvironment(
                Map.of("SMP_DB_URL", "jdbc:mysql://127.0.0.1:3306"), WORKING_DIR);

        assertEquals(Optional.of(new DatabaseServer("jdbc:mysql://127.0.0.1:3306", "root", "")),
                config.externalDatabase());
    }

    @Test
    void aMalformedPortNamesItsVariable() {
        SuiteStartException error = assertThrows(SuiteStartException.class,
                () -> SuiteConfig.fromEnvironment(Map.of("SMP_CONSENT_PORT", "80a"), WORKING_DIR));

        assertTrue(error.getMessage().contains("SMP_CONSENT_PORT"), error.getMessage());
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThrows(SuiteStartException.class,
                () -> SuiteConfig.fromEnvironment(Map.of("SMP_DB_PORT", "70000"), WORKING_DIR));
    }

    @Test
    void aMariaDbDriverUrlIsRefusedBecauseServicesUseConnectorJ() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SuiteConfig.fromEnvironment(Map.of("SMP_DB_URL", "jdbc:mariadb://h:3306"), WORKING_DIR));

        assertTrue(error.getMessage().contains("jdbc:mysql://"), error.getMessage());
    }

    @Test
    void withersChangeOnlyTheirSetting() {
        SuiteConfig base = SuiteConfig.fromEnvironment(Map.of("SMP_VERBOSE", "true"), WORKING_DIR);

        SuiteConfig changed = base.withPorts(Ports.startingAt(18080))
                .withDataDir(Path.of("/data"))
                .withHome(Path.of("/home"))
                .withInternalTokenSecret("x".repeat(32))
                .withStartTimeout(Duration.ofSeconds(5));

        assertEquals(new Ports(18080, 18081, 18082, 18083, 18084), changed.ports());
        assertEquals(Path.of("/data"), changed.dataDir());
        assertEquals(Path.of("/home"), changed.home());
        assertEquals(Optional.of("x".repeat(32)), changed.internalTokenSecret());
        assertEquals(Duration.ofSeconds(5), changed.startTimeout());
        assertEquals(base.jvmOptions(), changed.jvmOptions());
        assertTrue(changed.verbose());
    }

    @Test
    void toStringShowsNeitherTheSecretNorTheDatabasePassword() {
        SuiteConfig config = SuiteConfig.fromEnvironment(Map.of(
                "SMP_INTERNAL_TOKEN_SECRET", "top-secret-top-secret-top-secret",
                "SMP_DB_URL", "jdbc:mysql://h:3306",
                "SMP_DB_PASSWORD", "hunter2"), WORKING_DIR);

        assertFalse(config.toString().contains("top-secret"), config.toString());
        assertFalse(config.toString().contains("hunter2"), config.toString());
    }
}
