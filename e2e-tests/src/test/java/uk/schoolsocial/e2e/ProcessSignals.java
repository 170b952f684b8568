package uk.schoolsocial.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Faults for e2e tests: the processes of a launched suite found as the launcher records them
 * ({@code $SMP_DATA_DIR/run/<name>.process}, issue 11), and stopped or continued with
 * {@code kill -STOP}/{@code -CONT}, which the JDK has no API for.
 */
final class ProcessSignals {

    private ProcessSignals() {
    }

    /** @return the live process the launcher recorded under {@code name} ({@code mariadb}, {@code incident-service}) */
    static ProcessHandle recorded(Path dataDir, String name) {
        Path record = dataDir.resolve("run").resolve(name + ".process");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new AssertionError("the launcher keeps no record of " + name + " at " + record, e);
        }
        long pid = Long.parseLong(properties.getProperty("pid"));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new AssertionError(name + " (pid " + pid + ") is not running"));
    }

    static void stop(ProcessHandle process) {
        signal("STOP", process);
    }

    static void resume(ProcessHandle process) {
        signal("CONT", process);
    }

    private static void signal(String signal, ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + signal, e);
        }
    }
}
