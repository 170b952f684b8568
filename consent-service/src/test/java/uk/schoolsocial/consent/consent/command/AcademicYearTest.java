package uk.schoolsocial.consent.consent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcademicYearTest {

    /** CON-1: the default end of consent is the next 31 August on or after the day it was given. */
    @ParameterizedTest
    @CsvSource({
            "2026-09-01, 2027-08-31",
            "2026-12-31, 2027-08-31",
            "2027-01-01, 2027-08-31",
            "2027-08-31, 2027-08-31",
            "2028-02-29, 2028-08-31"})
    void con1_consentEndsWithTheAcademicYear(LocalDate givenOn, LocalDate end) {
        assertEquals(end, AcademicYear.endOn(givenOn));
    }

    /** CON-1: a school whose year ends on another day gets consent to that day by default. */
    @ParameterizedTest
    @CsvSource({
            "2026-09-01, 07-31, 2027-07-31",
            "2027-07-31, 07-31, 2027-07-31",
            "2027-08-01, 07-31, 2028-07-31",
            "2027-03-01, 02-29, 2028-02-29",
            "2026-03-01, 02-29, 2027-02-28"})
    void con1_consentEndsWithTheSchoolsOwnYear(LocalDate givenOn, String lastDay, LocalDate end) {
        assertEquals(end, AcademicYear.endOn(givenOn, MonthDay.parse("--" + lastDay)));
    }

    @Test
    void con1_eachSchoolKeepsItsOwnEndAndOthersEndOn31August() {
        AcademicYears years = AcademicYears.of(List.of("school-a=07-20", " school-b = 06-30 ", ""));
        LocalDate givenOn = LocalDate.of(2026, 9, 4);
        assertEquals(LocalDate.of(2027, 7, 20), years.endOn("school-a", givenOn));
        assertEquals(LocalDate.of(2027, 6, 30), years.endOn("school-b", givenOn));
        assertEquals(LocalDate.of(2027, 8, 31), years.endOn("school-c", givenOn));
        assertEquals(LocalDate.of(2027, 8, 31), AcademicYears.ENGLAND_AND_WALES.endOn("school-a", givenOn));
    }

    @Test
    void con1_aMisspeltSettingIsRefusedAtStart() {
        for (String wrong : List.of("school-a", "school-a=31-07", "=07-31", "school-a=07-31,school-a")) {
            assertThrows(IllegalArgumentException.class, () -> AcademicYears.of(List.of(wrong)), wrong);
        }
        assertThrows(IllegalArgumentException.class,
                () -> AcademicYears.of(List.of("school-a=07-31", "school-a=07-20")));
    }
}
