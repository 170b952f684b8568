package uk.schoolsocial.launcher;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * Who a process the launcher started is, kept so that the next launcher can find it again after
 * this one was killed (issue 11). A pid alone is not enough: once the process has gone the system
 * gives the number to another one. The start instant and the command line, which the system
 * reports for any process of the same user, tell the recorded process from one that merely
 * reuses its pid.
 *
 * @param name the child's name, e.g. {@code account-service} or {@code mariadb}
 * @param pid its process id
 * @param started when it started, as {@link ProcessHandle.Info#startInstant()} reports it
 * @param commandLine as {@link ProcessHandle.Info#commandLine()} reports it
 */
record ProcessRecord(String name, long pid, Instant started, String commandLine) {

    /**
     * @return the record of a running process; empty when the system does not report its start
     *     instant and command line, which is also the case once it has exited
     */
    static Optional<ProcessRecord> of(String name, ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        if (info.startInstant().isEmpty() || info.commandLine().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessRecord(name, process.pid(), info.startInstant().get(), info.commandLine().get()));
    }

    /** @return whether {@code process} is the very one recorded, not a later one given its pid */
    boolean isSameAs(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return process.pid() == pid
                && info.startInstant().equals(Optional.of(started))
                && info.commandLine().equals(Optional.of(commandLine));
    }

    Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("started", started.toString());
        properties.setProperty("command", commandLine);
        return properties;
    }

    /** @throws IllegalArgumentException naming what is missing or malformed */
    static ProcessRecord fromProperties(String name, Properties properties) {
        String pid = properties.getProperty("pid");
        String started = properties.getProperty("started");
        String command = properties.getProperty("command");
        if (pid == null || started == null || command == null) {
            throw new IllegalArgumentException("pid, started or command is missing");
        }
        try {
            return new ProcessRecord(name, Long.parseLong(pid), Instant.parse(started), command);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed pid or start instant: " + e.getMessage(), e);
        }
    }
}
