package uk.schoolsocial.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules every value a client sends must meet, whatever the operation (issue 11, the contract's
 * "Input rules" in {@code common.yaml}): text without control characters or lone surrogates, dates
 * with four-digit years, and instants the database can store. Applied to every JSON body by
 * {@link StrictJson} and to every query, path and header parameter by {@link ParameterRulesFilter};
 * services add their own domain rules (no date of birth in the future, ...) on top.
 */
public final class InputRules {

    /** The earliest date a request may carry. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date a request may carry: four-digit years, which a DATE column stores. */
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    /**
     * The earliest instant a request may carry: the same years as dates. Read models keep client
     * instants in DATETIME(6) columns, which hold years 1000 to 9999 (issue 11).
     */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    /** The latest instant a request may carry: four-digit years, with microseconds as DATETIME(6) keeps them. */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    static final String DATE_MESSAGE = "must be a date (YYYY-MM-DD) from " + EARLIEST_DATE + " to " + LATEST_DATE;
    static final String INSTANT_MESSAGE = "must be a date and time with its offset (RFC 3339, as 2026-11-20T18:30:00Z)"
            + " from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

    private InputRules() {
    }

    /**
     * What is wrong with a text, if anything: a control character other than tab, line feed and
     * carriage return (NUL included), or half of a surrogate pair, which no character encoding
     * stores and MySQL would silently turn into '?'.
     */
    public static Optional<String> textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain a lone surrogate (" + codePoint(c) + " at character " + (i + 1) + ")");
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters (" + codePoint(c) + " at character " + (i + 1)
                        + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether a date is one a request may carry. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Whether an instant is one a request may carry. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
