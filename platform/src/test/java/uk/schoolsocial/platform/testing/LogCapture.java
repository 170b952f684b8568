package uk.schoolsocial.platform.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * AUD-4: every line the service logs while a test runs, at any level, with its exceptions' messages,
 * so a test can show that none of them holds a subject's personal data.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** {@code level: text} for each captured line (or exception message) containing any of {@code texts}. */
    public List<String> containing(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                line.append(" | ").append(cause.getMessage());
            }
            for (String text : texts) {
                if (line.toString().contains(text)) {
                    found.add(event.getLevel() + " " + event.getLoggerName() + ": " + text);
                }
            }
        }
        return found;
    }

    /** {@code level logger: message} for each captured line that carries a stack trace. */
    public List<String> withStackTraces() {
        return List.copyOf(appender.list).stream().filter(event -> event.getThrowableProxy() != null)
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
    }

    /** The log context (MDC) of each captured line at ERROR, in order. */
    public List<java.util.Map<String, String>> errorContexts() {
        return List.copyOf(appender.list).stream().filter(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(event -> java.util.Map.copyOf(event.getMDCPropertyMap())).toList();
    }

    /** The log context (MDC) of each captured line whose message contains {@code text}, in order. */
    public List<java.util.Map<String, String>> contextsOf(String text) {
        return List.copyOf(appender.list).stream().filter(event -> event.getFormattedMessage().contains(text))
                .map(event -> java.util.Map.copyOf(event.getMDCPropertyMap())).toList();
    }

    /** How many lines were captured: a capture that saw nothing would prove nothing. */
    public int lines() {
        return appender.list.size();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
