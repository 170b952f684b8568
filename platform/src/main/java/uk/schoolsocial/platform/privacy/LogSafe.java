package uk.schoolsocial.platform.privacy;

import java.util.regex.Pattern;

/**
 * Failure messages with the values they quote taken out, for logs, the health endpoint and the
 * dead-letter table (AUD-4: no personal data in logs). A database, Jackson and the domain quote the
 * value they refuse ({@code Duplicate entry 'Zoë Marchetti' for key ...}, {@code Incorrect string
 * value: '\xF0...' for column ...}, {@code Unrecognized token 'Marchetti'}); that value may be a
 * name, a date of birth or a narrative. What stays (the kind of failure, the column, the
 * constraint, the class and the stack) is what an operator needs; the value is in the event,
 * where its reader may open it.
 */
public final class LogSafe {

    /** What a quoted value reads as once taken out. */
    public static final String REDACTED = "[value withheld]";

    /**
     * Opens where no letter precedes it (not an apostrophe), closes where none follows; {@code ''}, or a
     * quote before a letter ({@code 'O'Brien'}), is inside the value.
     */
    private static final Pattern SINGLE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])'(?:''|'(?=[\\p{L}\\p{N}])|[^'])*?'(?![\\p{L}\\p{N}'])");
    private static final Pattern DOUBLE = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CURLY = Pattern.compile("[\u2018\u201C][^\u2019\u201D]*[\u2019\u201D]");

    private LogSafe() {
    }

    /** {@code text} with every quoted value replaced by {@link #REDACTED}; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = SINGLE.matcher(text).replaceAll("'" + REDACTED + "'");
        out = DOUBLE.matcher(out).replaceAll("\"" + REDACTED + "\"");
        return CURLY.matcher(out).replaceAll(REDACTED);
    }

    /**
     * A copy of {@code error} and its causes and suppressed failures, each as a {@link Redacted}
     * naming the original class, with its message redacted and its stack trace kept: what a logger
     * prints in its place.
     */
    public static Throwable redacted(Throwable error) {
        return error == null ? null : copy(error, 0);
    }

    private static Throwable copy(Throwable error, int depth) {
        Throwable cause = error.getCause() == null || error.getCause() == error || depth > 20 ? null
                : copy(error.getCause(), depth + 1);
        Redacted copy = new Redacted(error.getClass().getName(), redact(error.getMessage()), cause);
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, depth + 1));
        }
        return copy;
    }

    /** A failure as logged: its original class name and its message with quoted values taken out. */
    public static final class Redacted extends RuntimeException {
        private final String originalClass;

        Redacted(String originalClass, String message, Throwable cause) {
            super(message, cause, true, true);
            this.originalClass = originalClass;
        }

        /** The class of the failure this stands for. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
