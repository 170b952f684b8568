package uk.schoolsocial.account.shared.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * ACC-7: leaving dates as a school lives them. A member is current until the end of their leaving
 * date on the school's calendar (Europe/London by default, {@code smp.account.zone}); a date still to
 * come is notice, not a departure. One definition for the roster, the accounts and the look-ups.
 */
public record LeavingDates(ZoneId zone) {

    /** The school's date at {@code now}. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** Whether someone with this leaving date (null: none) is still current at {@code now}. */
    public boolean currentAt(LocalDate leavingDate, Instant now) {
        return currentOn(leavingDate, today(now));
    }

    /** Whether someone with this leaving date (null: none) is still current on the school's {@code today}. */
    public static boolean currentOn(LocalDate leavingDate, LocalDate today) {
        return leavingDate == null || !today.isAfter(leavingDate);
    }

    /** The instant the leaving date ends, when its member stops being current. */
    public Instant endOf(LocalDate leavingDate) {
        return leavingDate.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
