package uk.schoolsocial.launcher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one class logs, for tests of what the launcher tells its user. */
final class LogRecorder extends Handler {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogRecorder(Logger logger) {
        this.logger = logger;
    }

    static LogRecorder of(Class<?> source) {
        LogRecorder recorder = new LogRecorder(Logger.getLogger(source.getName()));
        recorder.logger.addHandler(recorder);
        return recorder;
    }

    /** @return the first message containing all of {@code parts}; fails listing every message if none does */
    String find(String... parts) {
        return messages.stream()
                .filter(message -> List.of(parts).stream().allMatch(message::contains))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message with " + List.of(parts) + " in " + messages));
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
