package uk.schoolsocial.auditcli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Signs of life for a long download or verification (issue 18): on a terminal, one line rewritten in
 * place at most twice a second, with events, bytes, rate and, when the size is known, time left;
 * nothing in a script (no terminal) unless asked for with {@code --progress always}. Written to
 * standard error, so the report on standard output stays as it was.
 */
public final class Progress {

    /** When to show it. */
    public enum Mode { AUTO, ALWAYS, NEVER }

    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long totalBytes;
    private final boolean on;
    private final boolean always;
    private final LongSupplier clock;
    private final long started;
    private long lastShown;
    private boolean shown;

    Progress(PrintWriter err, String label, long totalBytes, boolean on, boolean always, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.totalBytes = totalBytes;
        this.on = on;
        this.always = always;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastShown = started;
    }

    /** A progress line on {@code err} when {@code mode} and the terminal say so; {@code totalBytes} -1 if unknown. */
    public static Progress of(Mode mode, PrintWriter err, String label, long totalBytes) {
        boolean on = mode == Mode.ALWAYS || (mode == Mode.AUTO && System.console() != null);
        return new Progress(err, label, totalBytes, on, mode == Mode.ALWAYS, System::nanoTime);
    }

    /** Where it stands: {@code events} lines and {@code bytes} so far. */
    public void at(long events, long bytes) {
        if (!on) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        shown = true;
        err.print("\r" + line(events, bytes, now) + "   ");
        err.flush();
    }

    /** Ends the line, if one was shown; with {@code ALWAYS}, the final figures in any case. */
    public void done(long events, long bytes) {
        if (on && (shown || always)) {
            err.println("\r" + line(events, bytes, clock.getAsLong()) + "   ");
            err.flush();
        }
    }

    String line(long events, long bytes, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = bytes / seconds;
        StringBuilder text = new StringBuilder(label).append(": ")
                .append(String.format(Locale.ROOT, "%,d events, %s", events, size(bytes)));
        if (totalBytes > 0) {
            text.append(String.format(Locale.ROOT, " of %s (%d%%)", size(totalBytes), bytes * 100 / totalBytes));
        }
        text.append(", ").append(size((long) rate)).append("/s");
        if (totalBytes > 0 && rate > 0 && bytes < totalBytes) {
            long left = (long) ((totalBytes - bytes) / rate);
            text.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
        }
        return text.toString();
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
