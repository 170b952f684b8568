package uk.schoolsocial.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One service or gateway JVM. Its output is copied line by line to its own log file (and to the
 * console when asked), so a failure can be explained with the tail of that log. A restarted child
 * writes on below the run that died, so the log still shows why it died (issue 11).
 */
final class ChildProcess {

    private static final Logger LOG = Logger.getLogger(ChildProcess.class.getName());
    private static final int TAIL_LINES = 40;

    private final String name;
    private final URI baseUrl;
    private final Path log;
    private final Process process;
    private final Thread outputCopier;

    private ChildProcess(String name, URI baseUrl, Path log, Process process, BufferedWriter logWriter,
            boolean echo) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.log = log;
        this.process = process;
        this.outputCopier = new Thread(() -> copyOutput(logWriter, echo), name + "-output");
        this.outputCopier.setDaemon(true);
    }

    /**
     * @param name shown in messages and as the {@code [name]} prefix of echoed lines
     * @param baseUrl where it will answer HTTP, for the health check
     * @param command the full command line
     * @param env added to (and overriding) the launcher's own environment
     * @param log the log file
     * @param restart false to truncate the log, true to append to it below a line saying so
     * @param echo whether lines also go to standard output
     * @return the started process; it may not be listening yet
     */
    static ChildProcess start(
            String name,
            URI baseUrl,
            List<String> command,
            Map<String, String> env,
            Path log,
            boolean restart,
            boolean echo) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            BufferedWriter logWriter = restart
                    ? Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(log, StandardCharsets.UTF_8);
            Process process;
            try {
                if (restart) {
                    logWriter.write("--- " + name + " restarted by the launcher at " + Instant.now() + " ---");
                    logWriter.newLine();
                }
                process = builder.start();
            } catch (IOException e) {
                logWriter.close();
                throw e;
            }
            ChildProcess child = new ChildProcess(name, baseUrl, log, process, logWriter, echo);
            child.outputCopier.start();
            return child;
        } catch (IOException e) {
            throw new SuiteStartException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** @return its exit code, 128 + the signal's number when a signal ended it; call once it exited */
    int exitCode() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Polls {@code GET /health} until it answers 200.
     *
     * @throws SuiteStartException when the process exits or the deadline passes first, with the
     *     tail of its log
     */
    void awaitHealthy(HealthProbe probe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!probe.isHealthy(baseUrl)) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + exitCode() + " before answering GET /health.");
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " did not answer GET " + baseUrl + "/health with 200 within "
                        + timeout.toSeconds() + " s (SMP_START_TIMEOUT_SECONDS).");
            }
            Thread.sleep(250);
        }
    }

    /** @return {@code Last lines of <log>:} and those lines, the last of a process that died included */
    String lastLines() {
        if (!process.isAlive()) {
            try {
                outputCopier.join(2_000); // its last lines may still be in the pipe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "Last lines of " + log + ":\n" + tail();
    }

    /**
     * Asks the process to stop (SIGTERM), so it can finish requests and close its pool. Through
     * its handle: {@code Process.destroy()} would also close the pipe, losing its shutdown log.
     */
    void requestStop() {
        process.toHandle().destroy();
    }

    /**
     * Waits up to {@code grace} after {@link #requestStop()}, then kills the process. When
     * interrupted it kills at once and keeps the interrupt, so the caller's shutdown goes on.
     */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(name + " did not stop within " + grace.toSeconds() + " s; killing it.");
                process.destroyForcibly().waitFor();
            }
            outputCopier.join(1_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private SuiteStartException failure(String what) {
        return new SuiteStartException(what + " " + lastLines());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return last.isEmpty() ? "  (empty)" : "  " + String.join("\n  ", last);
        } catch (IOException e) {
            return "  (cannot read the log: " + e.getMessage() + ")";
        }
    }

    private void copyOutput(BufferedWriter file, boolean echo) {
        try (file;
                BufferedReader output =
                        new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                file.write(line);
                file.newLine();
                file.flush();
                if (echo) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Lost the output of " + name, e);
        }
    }
}
