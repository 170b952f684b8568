package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

    private final HealthProbe probe = new HealthProbe(HttpClient.newHttpClient());
    private final PrintStream console = System.out;

    @AfterEach
    void restoreConsole() {
        System.setOut(console);
    }

    @Test
    void aProcessThatDiesIsReportedByNameWithTheTailOfItsLog() throws Exception {
        Path log = TestFiles.newDirectory("child").resolve("crasher.log");
        ChildProcess child = start("crasher", CrashingDeployable.class, log, false);

        SuiteStartException error = assertThrows(SuiteStartException.class,
                () -> child.awaitHealthy(probe, Duration.ofSeconds(30)));

        assertTrue(error.getMessage().startsWith("crasher exited with code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("boom: cannot connect to the database"), error.getMessage());
        assertTrue(error.getMessage().contains(log.toString()), error.getMessage());
        assertTrue(Files.readString(log).contains("boom"));
    }

    @Test
    void aProcessThatNeverAnswersTimesOutAndCanBeStopped() throws Exception {
        Path log = TestFiles.newDirectory("child").resolve("silent.log");
        ChildProcess child = start("silent", SilentDeployable.class, log, false);

        SuiteStartException error = assertThrows(SuiteStartException.class,
                () -> child.awaitHealthy(probe, Duration.ofSeconds(2)));
        child.requestStop();
        child.awaitStop(Duration.ofSeconds(10));

        assertTrue(error.getMessage().contains("silent did not answer GET"), error.getMessage());
        assertTrue(error.getMessage().contains("waiting for something that never comes"), error.getMessage());
        assertFalse(child.isAlive());
    }

    @Test
    void verboseOutputIsEchoedWithTheProcessNameAndStillLogged() throws Exception {
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(echoed, true, StandardCharsets.UTF_8));
        Path log = TestFiles.newDirectory("child").resolve("talker.log");
        ChildProcess child = start("talker", CrashingDeployable.class, log, true);

        child.onExit().get();
        child.awaitStop(Duration.ofSeconds(5));

        assertTrue(echoed.toString(StandardCharsets.UTF_8).contains("[talker] boom: cannot connect"),
                echoed.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(log).startsWith("starting up"));
    }

    /** Issue 11: why a child died stays readable after the launcher started it again. */
    @Test
    void aRestartedProcessWritesBelowTheLogOfTheRunThatDied() throws Exception {
        Path log = TestFiles.newDirectory("child").resolve("crasher.log");
        start("crasher", CrashingDeployable.class, log, false).onExit().get();

        ChildProcess restarted = start("crasher", CrashingDeployable.class, log, true, false);
        restarted.onExit().get();
        restarted.awaitStop(Duration.ofSeconds(5));

        List<String> lines = Files.readAllLines(log);
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("boom: cannot connect to the database", lines.get(1));
        assertTrue(lines.get(2).startsWith("--- crasher restarted by the launcher at "), lines.get(2));
        assertEquals("boom: cannot connect to the database", lines.get(4));
    }

    private static ChildProcess start(String name, Class<?> main, Path log, boolean echo) throws Exception {
        return start(name, main, log, false, echo);
    }

    private static ChildProcess start(String name, Class<?> main, Path log, boolean restart, boolean echo)
            throws Exception {
        int port = TestFiles.freePortBlock();
        return ChildProcess.start(name, URI.create("http://127.0.0.1:" + port), TestFiles.javaCommand(main),
                Map.of(), log, restart, echo);
    }
}
