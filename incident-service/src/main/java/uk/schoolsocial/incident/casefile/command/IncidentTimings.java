package uk.schoolsocial.incident.casefile.command;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The due times of incident handling, as configured: the initial assessment's target after
 * reporting (INC-3) and how long a platform may leave a takedown request unanswered before
 * escalation to the helpline is suggested (INC-5), where the school set no period of its own for
 * that platform ({@code takedown.command.TakedownPeriods}).
 *
 * @param assessWithin          a fixed target after reporting; when null, {@code assessWorkingDays} apply
 * @param assessWorkingDays     working days (Monday to Friday, school time zone) to assess in
 * @param takedownEscalateAfter how long a platform's silence is tolerated (48 hours by default), unless
 *                              the school set its own period for the platform
 * @param zone                  the school's time zone, where working days are counted
 */
public record IncidentTimings(Duration assessWithin, int assessWorkingDays, Duration takedownEscalateAfter,
                              ZoneId zone) {

    public static final IncidentTimings DEFAULTS =
            new IncidentTimings(null, 1, Duration.ofHours(48), ZoneId.of("Europe/London"));

    /**
     * INC-3: the assessment target. N working days on from the report at the same time of day;
     * a weekend day is skipped. Bank holidays are not known to the service and count as working days.
     */
    public Instant assessmentDue(Instant reportedAt) {
        if (assessWithin != null) {
            return reportedAt.plus(assessWithin);
        }
        ZonedDateTime due = reportedAt.atZone(zone);
        for (int added = 0; added < Math.max(1, assessWorkingDays); ) {
            due = due.plusDays(1);
            if (isWorkingDay(due)) {
                added++;
            }
        }
        return due.toInstant();
    }

    private static boolean isWorkingDay(ZonedDateTime day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
