package uk.schoolsocial.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: one child of the group killed with SIGKILL comes back after a back-off delay while
 * the others run on untouched. Stand-in jars ({@link FakeDeployable}); no database.
 */
class ProcessGroupTest {

    private static final RestartPolicy POLICY =
            new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60), 3);
    private static final List<Deployable> OTHERS = List.of(Deployable.INCIDENT, Deployable.CONSENT, Deployable.GATEWAY);

    private final HealthProbe probe = new HealthProbe(HttpClient.newHttpClient());
    private LogRecorder log;
    private Path directory;
    private ProcessRecords records;
    private ProcessGroup group;

    @BeforeEach
    void startGroup() throws Exception {
        log = LogRecorder.of(SupervisedChild.class);
        directory = TestFiles.newDirectory("group");
        DataDirectory dataDir = DataDirectory.prepare(directory.resolve("data"));
        SuiteConfig config = SuiteConfig.fromEnvironment(Map.of(
                        "SMP_HOME", TestFiles.fakeHome(directory.resolve("home"), Map.of()).toString(),
                        "SMP_DATA_DIR", dataDir.root().toString()))
                .withPorts(Ports.startingAt(TestFiles.freePortBlock()));
        DatabaseServer unused = new DatabaseServer("jdbc:mysql://127.0.0.1:1", "root", "");
        records = new ProcessRecords(dataDir.run());
        group = new ProcessGroup(new ChildLaunchPlan(config, dataDir, unused, "s".repeat(32)), dataDir, records, false,
                POLICY);
        group.start(probe, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopGroup() throws IOException {
        group.stop();
        log.close();
        TestFiles.deleteRecursively(directory);
    }

    @Test
    void aChildKilledWithSigkillComesBackWithBackOffAndTheOthersAreUntouched() throws Exception {
        Map<Deployable, Long> others = pids(OTHERS);
        ChildProcess first = group.child(Deployable.ACCOUNT).current();

        Duration firstWait = killAndAwaitRestart(first);
        ChildProcess second = awaitHealthy(group.child(Deployable.ACCOUNT).current());
        Duration secondWait = killAndAwaitRestart(second); // died again soon after starting: twice the wait
        ChildProcess third = awaitHealthy(group.child(Deployable.ACCOUNT).current());

        assertTrue(firstWait.compareTo(POLICY.firstDelay()) >= 0, firstWait.toString());
        assertTrue(secondWait.compareTo(POLICY.firstDelay().multipliedBy(2)) >= 0, secondWait.toString());
        log.find("account-service (pid " + first.pid() + ") exited with code 137 after",
                "restarting it in 0.5 s (attempt 1 of 3)");
        log.find("account-service (pid " + second.pid() + ") exited with code 137 after",
                "restarting it in 1.0 s (attempt 2 of 3)");
        log.find("account-service restarted (pid " + third.pid() + ", attempt 2)");
        assertEquals(others, pids(OTHERS));
        OTHERS.forEach(other -> assertTrue(group.child(other).current().isAlive(), other.moduleName()));
        assertEquals(Set.of(third.pid()), recordedPids("account-service"), "the record follows the restart");
    }

    @Test
    void everyProcessIsRecordedWhileItRunsAndForgottenOnceStopped() {
        Map<String, Long> running = new TreeMap<>();
        for (Deployable deployable : Deployable.values()) {
            running.put(deployable.moduleName(), group.child(deployable).current().pid());
        }
        Map<String, Long> recorded = new TreeMap<>();
        records.all().forEach(record -> recorded.put(record.name(), record.pid()));

        group.stop();

        assertEquals(running, recorded);
        assertEquals(List.of(), records.all());
    }

    private Set<Long> recordedPids(String name) {
        return records.all().stream().filter(record -> record.name().equals(name)).map(ProcessRecord::pid)
                .collect(Collectors.toSet());
    }

    private Duration killAndAwaitRestart(ChildProcess process) {
        long killed = System.nanoTime();
        process.handle().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> group.child(Deployable.ACCOUNT).current() != process);
        return Duration.ofNanos(System.nanoTime() - killed);
    }

    private ChildProcess awaitHealthy(ChildProcess process) {
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.isHealthy(process.baseUrl()));
        return process;
    }

    private Map<Deployable, Long> pids(List<Deployable> deployables) {
        Map<Deployable, Long> pids = new EnumMap<>(Deployable.class);
        deployables.forEach(deployable -> pids.put(deployable, group.child(deployable).current().pid()));
        return pids;
    }
}
