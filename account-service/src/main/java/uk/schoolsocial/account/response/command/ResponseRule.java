package uk.schoolsocial.account.response.command;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import uk.schoolsocial.events.account.SchoolHoliday;

/**
 * ACC-8: when a comment, query or complaint must be answered. Received on a working day, within
 * 24 hours; received on a Saturday, a Sunday or a school holiday, by the end of the next working
 * day (a day that is none of those). Days are the school's, in {@code zone}.
 *
 * <p>A breach is reported at the due time, or, for a message logged after it, {@code lateLoggingGrace}
 * after it was logged: time to log the answer that may have gone out in time, so that logging
 * yesterday's exchange after the fact raises no false alarm.
 *
 * @param zone             the schools' time zone ({@code smp.account.zone})
 * @param lateLoggingGrace {@code smp.account.late-logging-grace} (15 minutes)
 */
public record ResponseRule(ZoneId zone, Duration lateLoggingGrace) {

    public static final ResponseRule DEFAULT = new ResponseRule(ZoneId.of("Europe/London"), Duration.ofMinutes(15));

    /** When to judge whether a message logged at {@code loggedAt} and due at {@code dueAt} was answered in time. */
    public Instant breachCheckAt(Instant dueAt, Instant loggedAt) {
        return dueAt.isAfter(loggedAt) ? dueAt : loggedAt.plus(lateLoggingGrace);
    }
    private static final Duration WITHIN = Duration.ofHours(24);

    /** The end of a day is the first instant of the next one. */
    public Instant dueAt(Instant receivedAt, Collection<SchoolHoliday> holidays) {
        LocalDate received = LocalDate.ofInstant(receivedAt, zone);
        if (isWorkingDay(received, holidays)) {
            return receivedAt.plus(WITHIN);
        }
        LocalDate next = received.plusDays(1);
        while (!isWorkingDay(next, holidays)) {
            next = next.plusDays(1);
        }
        return next.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean isWorkingDay(LocalDate day, Collection<SchoolHoliday> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && holidays.stream().noneMatch(h -> !day.isBefore(h.firstDay()) && !day.isAfter(h.lastDay()));
    }
}
