package uk.schoolsocial.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: processes recorded by a launcher that is gone are stopped, TERM first and KILL after
 * the grace period; a pid that now belongs to another process is never touched. Real processes.
 */
class OrphansTest {

    private final List<Process> started = new ArrayList<>();
    private LogRecorder log;
    private Path directory;
    private ProcessRecords records;

    @BeforeEach
    void setUp() throws IOException {
        log = LogRecorder.of(Orphans.class);
        directory = TestFiles.newDirectory("orphans");
        records = new ProcessRecords(directory);
    }

    @AfterEach
    void tearDown() throws IOException {
        started.forEach(Process::destroyForcibly);
        log.close();
        TestFiles.deleteRecursively(directory);
    }

    @Test
    void recordedProcessesAreStoppedAndTheOneIgnoringSigtermIsKilledAfterTheGrace() throws Exception {
        Process service = start(TestFiles.javaCommand(SilentDeployable.class));
        Process stubborn = start(List.of("sh", "-c", "trap '' TERM; exec sleep 120")); // sleep inherits the ignore
        await().until(() -> stubborn.info().commandLine().orElse("").endsWith("sleep 120")); // recorded after exec
        records.record("account-service", service.toHandle());
        records.record("stubborn", stubborn.toHandle());

        Orphans.stop(records, Duration.ofSeconds(1));

        assertFalse(service.isAlive());
        assertFalse(stubborn.isAlive());
        assertEquals(143, service.exitValue(), "stopped by SIGTERM");
        assertEquals(137, stubborn.exitValue(), "killed by SIGKILL");
        log.find("account-service (pid " + service.pid() + ") is still running, left by an earlier launcher");
        log.find("stubborn (pid " + stubborn.pid() + ") did not stop within 1.0 s; killing it.");
        assertEquals(List.of(), records.all());
    }

    @Test
    void aRecordedPidThatIsAnotherProcessNowIsLeftAlone() throws Exception {
        Process unrelated = start(List.of("sleep", "120"));
        ProcessRecord actual = ProcessRecord.of("account-service", unrelated.toHandle()).orElseThrow();
        write(new ProcessRecord("account-service", actual.pid(), actual.started().minusSeconds(1), actual.commandLine()));
        write(new ProcessRecord("gateway", actual.pid(), actual.started(), "java -jar gateway/target/gateway.jar"));

        Orphans.stop(records, Duration.ofSeconds(1));

        assertTrue(unrelated.isAlive());
        log.find("Pid " + unrelated.pid() + ", recorded for account-service by an earlier launcher, is another"
                + " process's now");
        log.find("Pid " + unrelated.pid() + ", recorded for gateway by an earlier launcher, is another process's now");
        assertEquals(List.of(), records.all());
    }

    @Test
    void aRecordOfAProcessThatHasGoneIsRemoved() throws Exception {
        Process gone = start(List.of("sleep", "120"));
        records.record("consent-service", gone.toHandle());
        gone.destroyForcibly().waitFor();

        Orphans.stop(records, Duration.ofSeconds(1));

        assertEquals(List.of(), records.all());
        assertFalse(Files.exists(directory.resolve("consent-service.process")));
    }

    private Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    /** As an earlier launcher would have, for a process other than the one now holding the pid. */
    private void write(ProcessRecord record) throws IOException {
        try (var out = Files.newBufferedWriter(directory.resolve(record.name() + ".process"))) {
            record.toProperties().store(out, null);
        }
    }
}
