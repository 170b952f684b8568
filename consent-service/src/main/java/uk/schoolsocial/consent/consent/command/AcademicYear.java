package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import java.time.MonthDay;

/** The last day of a school year: 31 August in England and Wales unless a school's year ends otherwise. */
final class AcademicYear {

    static final MonthDay ENGLAND_AND_WALES = MonthDay.of(8, 31);

    private AcademicYear() {
    }

    /** CON-1: the default end of consent, the next 31 August on or after {@code day}. */
    static LocalDate endOn(LocalDate day) {
        return endOn(day, ENGLAND_AND_WALES);
    }

    /** CON-1: the next {@code lastDay} on or after {@code day} (29 February is the 28th in other years). */
    static LocalDate endOn(LocalDate day, MonthDay lastDay) {
        LocalDate end = lastDay.atYear(day.getYear());
        return day.isAfter(end) ? lastDay.atYear(day.getYear() + 1) : end;
    }
}
