package uk.schoolsocial.consent.consent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
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
}
