package uk.schoolsocial.platform.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * The period of a governors' report (common.yaml {@code ReportFrom}, {@code ReportTo}): whole UTC
 * days from {@code from} to {@code to}, both inclusive, at most three years.
 *
 * @param from the first day
 * @param to   the last day
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period a report covers. */
    public static final int MAX_YEARS = 3;

    /** The first and last day a report may cover: the read models' times lie between them. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /**
     * The period, or 400 naming {@code from} or {@code to} when it lies outside {@link #EARLIEST} to
     * {@link #LATEST}, and {@code to} when it is before {@code from} or too far after it.
     */
    public static ReportPeriod of(LocalDate from, LocalDate to) {
        List<FieldError> outside = new java.util.ArrayList<>();
        if (from.isBefore(EARLIEST) || from.isAfter(LATEST)) {
            outside.add(new FieldError("from", "must be a day from " + EARLIEST + " to " + LATEST));
        }
        if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            outside.add(new FieldError("to", "must be a day from " + EARLIEST + " to " + LATEST));
        }
        if (!outside.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The report's period is invalid", outside);
        }
        if (to.isBefore(from) || to.isAfter(from.plusYears(MAX_YEARS))) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The report's period is invalid",
                    List.of(new FieldError("to", "must be from 'from' to " + MAX_YEARS + " years after it")));
        }
        return new ReportPeriod(from, to);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Whether {@code at} falls in the period. */
    public boolean contains(Instant at) {
        return at != null && !at.isBefore(start()) && at.isBefore(end());
    }

    /** The month (UTC) of {@code at}, YYYY-MM. */
    public String monthOf(Instant at) {
        return java.time.YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }
}
