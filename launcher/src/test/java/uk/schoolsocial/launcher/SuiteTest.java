package uk.schoolsocial.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orchestration with stand-in jars ({@link FakeDeployable}) and the real embedded database:
 * what each process is given, the order of start and stop, and how failures are reported. The
 * real services are the e2e module's business.
 */
class SuiteTest {

    /** Shared, so MariaDB is installed once; later tests restart it over the same data. */
    private static Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void createDataDirectory() throws IOException {
        dataDir = TestFiles.newDirectory("suite");
    }

    @AfterAll
    static void deleteDataDirectory() throws IOException {
        TestFiles.deleteRecursively(dataDir);
    }

    @Test
    void everyProcessGetsTheContractsSettingsAndAllStopTogether() throws Exception {
        Ports ports = Ports.startingAt(TestFiles.freePortBlock());
        Suite suite = Suite.start(config(TestFiles.fakeHome("home", Map.of()), ports));
        Map<String, String> consent;
        Map<String, String> gateway;
        try {
            consent = environmentOf(suite.serviceUrls().get("consent-service"));
            gateway = environmentOf(suite.gatewayUrl());

            assertEquals(URI.create("http://127.0.0.1:" + ports.gateway()), suite.gatewayUrl());
            assertEquals("token-for-slt", suite.token("slt"));
            assertEquals("jdbc:mysql://127.0.0.1:" + ports.database(), suite.databaseUrl());
            assertTrue(suite.isDatabaseEmbedded());
            assertEquals("smp_consent", currentSchema(consent.get("DATASOURCES_DEFAULT_URL")));
            assertEquals("smp_account", currentSchema(consent.get("DATASOURCES_ACCOUNTEVENTS_URL")));
            assertTrue(Files.readString(dataDir.resolve("logs/account-service.log")).contains("fake listening"));
            String report = StartupReport.of(suite);
            assertTrue(report.contains("  other-slt     token-for-other-slt"), report);
            assertTrue(report.contains("  trust-auditor token-for-trust-auditor"), report);
            // Issue 14: where the metrics are.
            assertTrue(report.contains("Metrics consent    http://127.0.0.1:" + ports.consent() + "/prometheus"),
                    report);
            assertTrue(report.contains("Metrics gateway    http://127.0.0.1:" + ports.gateway() + "/prometheus"),
                    report);
            assertTrue(report.contains("curl -H 'Authorization: Bearer token-for-slt' http://127.0.0.1:"
                    + ports.gateway() + "/api/v1/applications"), report);
        } finally {
            suite.stop();
        }

        String secret = Files.readString(dataDir.resolve("secrets/internal-token.secret"));
        assertEquals(secret, consent.get("SMP_INTERNAL_TOKEN_SECRET"));
        assertEquals(secret, gateway.get("SMP_INTERNAL_TOKEN_SECRET"));
        assertEquals("http://127.0.0.1:" + ports.consent(), gateway.get("SMP_SERVICES_CONSENT_URL"));
        assertEquals(dataDir.resolve("secrets/dev-issuer.jwk").toString(), gateway.get("SMP_AUTH_DEV_KEY_FILE"));
        assertAllFree(ports);
        assertTimeoutPreemptively(Duration.ofSeconds(1), suite::awaitStop);
    }

    @Test
    void anExternalDatabaseIsUsedAsItIsAndLeftRunning() throws Exception {
        int serverPort = TestFiles.freePortBlock();
        try (EmbeddedMariaDb server = new EmbeddedMariaDb(DataDirectory.prepare(dataDir), serverPort)) {
            server.start();
            String url = "jdbc:mysql://127.0.0.1:" + serverPort + "/?connectTimeout=5000";
            SuiteConfig config = SuiteConfig.fromEnvironment(Map.of("SMP_HOME", TestFiles.fakeHome("home", Map.of()).toString(),
                    "SMP_DATA_DIR", dataDir.toString(), "SMP_DB_URL", url, "SMP_DB_USER", "root"))
                    .withPorts(Ports.startingAt(TestFiles.freePortBlock()));

            try (Suite suite = Suite.start(config)) {
                String accountUrl = environmentOf(suite.serviceUrls().get("account-service")).get("DATASOURCES_DEFAULT_URL");

                assertFalse(suite.isDatabaseEmbedded());
                assertEquals(url, suite.databaseUrl());
                assertEquals("jdbc:mysql://127.0.0.1:" + serverPort + "/smp_account?connectTimeout=5000", accountUrl);
                assertEquals("smp_account", currentSchema(accountUrl));
            }
            assertEquals("smp_incident", currentSchema(server.server().schemaUrl("smp_incident")));
        }
    }

    @Test
    void aServiceThatDiesAtStartIsNamedAndEverythingElseIsStopped() throws Exception {
        Ports ports = Ports.startingAt(TestFiles.freePortBlock());
        SuiteConfig config = config(TestFiles.fakeHome("home", Map.of(Deployable.ACCOUNT, CrashingDeployable.class)), ports);

        SuiteStartException error = assertThrows(SuiteStartException.class, () -> Suite.start(config));

        assertTrue(error.getMessage().startsWith("account-service exited with code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("boom: cannot connect to the database"), error.getMessage());
        assertAllFree(ports);
    }

    /** Issue 11: in-process, as from the command line, a process that dies is started again. */
    @Test
    void aProcessThatDiesLaterIsStartedAgainAndTheSuiteRunsOn() throws Exception {
        Ports ports = Ports.startingAt(TestFiles.freePortBlock());
        try (Suite suite = Suite.start(config(TestFiles.fakeHome("home", Map.of()), ports))) {
            ProcessHandle killed = childRunning("incident-service.jar");
            long gateway = childRunning("gateway.jar").pid();

            killed.destroyForcibly();

            URI incident = suite.serviceUrls().get("incident-service");
            await().atMost(Duration.ofSeconds(30)).until(() -> new HealthProbe(http).isHealthy(incident));
            assertNotEquals(killed.pid(), childRunning("incident-service.jar").pid());
            assertEquals(gateway, childRunning("gateway.jar").pid());
            assertEquals("token-for-slt", suite.token("slt"));
        }
        assertAllFree(ports);
    }

    /**
     * Issue 11: a launcher killed with SIGKILL leaves the database and every deployable running on
     * their ports. The next start on the same data directory finds them by its records, stops them
     * and starts; while that launcher lived, a second one was refused rather than stopping them.
     */
    @Test
    void theNextStartStopsWhatAKilledLauncherLeftRunning() throws Exception {
        Ports ports = Ports.startingAt(TestFiles.freePortBlock());
        Path home = TestFiles.fakeHome("home", Map.of());
        Path output = TestFiles.newDirectory("launcher").resolve("launcher.out");
        Process launcher = startLauncher(home, ports, output);
        List<ProcessHandle> leftRunning;
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(output).contains("Press Ctrl-C to stop."));
            leftRunning = launcher.descendants().toList();
            SuiteStartException refused = assertThrows(SuiteStartException.class,
                    () -> Suite.start(config(home, Ports.startingAt(TestFiles.freePortBlock()))));
            assertTrue(refused.getMessage().startsWith("Another launcher (pid " + launcher.pid() + ") is running"),
                    refused.getMessage());
        } finally {
            launcher.destroyForcibly().waitFor();
        }
        assertEquals(5, leftRunning.size(), leftRunning.toString());
        leftRunning.forEach(orphan -> assertFalse(Orphans.hasStopped(orphan), orphan + " outlived the launcher"));

        try (Suite suite = Suite.start(config(home, ports))) {
            // where init collects orphans late (a container's pid 1 may never), a stopped one is a zombie
            leftRunning.forEach(orphan -> assertTrue(Orphans.hasStopped(orphan), orphan + " was stopped"));
            assertEquals("token-for-slt", suite.token("slt"));
        }
        try (Stream<Path> records = Files.list(dataDir.resolve("run"))) {
            assertEquals(List.of("launcher.lock"), records.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void aPortInUseIsReportedBeforeAnythingStarts() throws Exception {
        Ports ports = Ports.startingAt(TestFiles.freePortBlock());
        Path unusedDataDir = dataDir.resolveSibling("never-created-" + System.nanoTime());
        SuiteConfig config = config(TestFiles.fakeHome("home", Map.of()), ports).withDataDir(unusedDataDir);

        try (ServerSocket taken = new ServerSocket(ports.incident(), 1, InetAddress.getLoopbackAddress())) {
            SuiteStartException error = assertThrows(SuiteStartException.class, () -> Suite.start(config));

            assertTrue(error.getMessage().contains("Port " + ports.incident()), error.getMessage());
            assertTrue(error.getMessage().contains("SMP_INCIDENT_PORT"), error.getMessage());
        }
        assertFalse(Files.exists(unusedDataDir));
    }

    /** The command line's launcher in a JVM of its own, so that it can be killed. */
    private static Process startLauncher(Path home, Ports ports, Path output) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.remove("SMP_DB_URL");
        env.put("SMP_HOME", home.toString());
        env.put("SMP_DATA_DIR", dataDir.toString());
        env.put("SMP_GATEWAY_PORT", Integer.toString(ports.gateway()));
        env.put("SMP_ACCOUNT_PORT", Integer.toString(ports.account()));
        env.put("SMP_INCIDENT_PORT", Integer.toString(ports.incident()));
        env.put("SMP_CONSENT_PORT", Integer.toString(ports.consent()));
        env.put("SMP_DB_PORT", Integer.toString(ports.database()));
        return builder.start();
    }

    private static SuiteConfig config(Path home, Ports ports) {
        return SuiteConfig.fromEnvironment(Map.of("SMP_HOME", home.toString(), "SMP_DATA_DIR", dataDir.toString()))
                .withPorts(ports);
    }

    private Map<String, String> environmentOf(URI process) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(process.resolve("/env")).build(), HttpResponse.BodyHandlers.ofString());
        return FakeDeployable.parseEnvironment(response.body());
    }

    private static ProcessHandle childRunning(String jar) {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains(jar))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no child runs " + jar));
    }

    private static String currentSchema(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
                ResultSet row = connection.createStatement().executeQuery("SELECT DATABASE()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void assertAllFree(Ports ports) {
        for (int port : new int[] {ports.gateway(), ports.account(), ports.incident(), ports.consent(), ports.database()}) {
            assertDoesNotThrow(() -> PortCheck.requireFree("127.0.0.1", port, "test", "-"), "port " + port);
        }
    }
}
