package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The processes the running launcher started, one file each in the data directory's {@code run/}
 * (issue 11): what a launcher killed with SIGKILL leaves for the next one, to find its children
 * by. A record is replaced when its child is restarted and removed once the child has stopped, so
 * a launcher that stopped cleanly leaves none.
 */
final class ProcessRecords {

    private static final Logger LOG = Logger.getLogger(ProcessRecords.class.getName());
    private static final String SUFFIX = ".process";

    private final Path dir;

    ProcessRecords(Path dir) {
        this.dir = dir;
    }

    /**
     * Replaces the record of {@code name}. Written aside and moved into place, so a launcher
     * killed while writing leaves the previous record or the new one, never half of one.
     */
    void record(String name, ProcessHandle process) {
        Optional<ProcessRecord> record = ProcessRecord.of(name, process);
        if (record.isEmpty()) {
            if (process.isAlive()) {
                LOG.warning("Cannot record " + name + " (pid " + process.pid() + "): the system does not report"
                        + " its start time and command line. Should the launcher be killed, stop it by hand.");
            }
            forget(name); // or it has exited already, and nothing of it can be left running
            return;
        }
        Path file = file(name);
        Path written = dir.resolve(name + SUFFIX + ".new");
        try {
            try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                record.get().toProperties().store(out, "a process the launcher started (issue 11)");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + name + " in " + file, e);
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the record " + file(name), e);
        }
    }

    /** @return every record, the latest started first: the order a clean stop goes in */
    List<ProcessRecord> all() {
        List<ProcessRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList()) {
                read(file).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the records in " + dir, e);
        }
        records.sort(Comparator.comparing(ProcessRecord::started).reversed());
        return records;
    }

    /** A record that cannot be read names no process for certain: it is removed, and said so. */
    private Optional<ProcessRecord> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - SUFFIX.length());
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(ProcessRecord.fromProperties(name, properties));
        } catch (IllegalArgumentException e) {
            LOG.warning("Removing the unreadable record " + file + " (" + e.getMessage() + "); the process it"
                    + " named, if still running, is not stopped.");
            Files.delete(file);
            return Optional.empty();
        }
    }

    private Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }
}
