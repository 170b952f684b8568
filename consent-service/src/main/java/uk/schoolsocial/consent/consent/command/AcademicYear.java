package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import java.time.Month;

/** The school year in England and Wales ends on 31 August. */
final class AcademicYear {

    private AcademicYear() {
    }

    /** CON-1: the default end of consent, the next 31 August on or after {@code day}. */
    static LocalDate endOn(LocalDate day) {
        LocalDate end = LocalDate.of(day.getYear(), Month.AUGUST, 31);
        return day.isAfter(end) ? end.plusYears(1) : end;
    }
}
