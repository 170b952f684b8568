package uk.schoolsocial.events.account;

import java.time.LocalDate;
import uk.schoolsocial.events.privacy.NotPersonalData;

/** ACC-8: a school holiday, {@code firstDay} to {@code lastDay} inclusive; no day in it is a working day. */
public record SchoolHoliday(
        LocalDate firstDay,
        LocalDate lastDay,
        @NotPersonalData("the name of a school holiday")
        String name) {
}
