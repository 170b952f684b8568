package uk.schoolsocial.account.response.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.SchoolHoliday;

/** ACC-8: when an answer is due, in Europe/London school days. November is GMT, June BST (UTC+1). */
class ResponseRuleTest {

    private static final ResponseRule RULE = ResponseRule.DEFAULT;
    private static final List<SchoolHoliday> NONE = List.of();

    private static Instant due(String receivedAt, List<SchoolHoliday> holidays) {
        return RULE.dueAt(Instant.parse(receivedAt), holidays);
    }

    private static SchoolHoliday holiday(String first, String last) {
        return new SchoolHoliday(LocalDate.parse(first), LocalDate.parse(last), "holiday");
    }

    @Test
    @DisplayName("ACC-8: received on a working day, due 24 hours later")
    void acc8_aWorkingDayMessageIsDue24HoursLater() {
        assertEquals(Instant.parse("2026-11-18T09:40:00Z"), due("2026-11-17T09:40:00Z", NONE));
    }

    @Test
    @DisplayName("ACC-8: received on a Friday, still 24 hours, even though that ends on the Saturday")
    void acc8_aFridayMessageIsDue24HoursLater() {
        assertEquals(Instant.parse("2026-11-21T16:00:00Z"), due("2026-11-20T16:00:00Z", NONE));
    }

    @Test
    @DisplayName("ACC-8: received on a Saturday or a Sunday, due by the end of Monday")
    void acc8_aWeekendMessageIsDueAtTheEndOfTheNextWorkingDay() {
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), due("2026-11-21T09:40:00Z", NONE));
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), due("2026-11-22T23:59:00Z", NONE));
    }

    @Test
    @DisplayName("ACC-8: the weekend is the school's, in Europe/London: Friday 23:30 UTC in June is Saturday there")
    void acc8_theWeekendIsJudgedInSchoolTime() {
        assertEquals(Instant.parse("2026-06-15T23:00:00Z"), due("2026-06-12T23:30:00Z", NONE));
        assertEquals(Instant.parse("2026-06-13T22:30:00Z"), due("2026-06-12T22:30:00Z", NONE));
    }

    @Test
    @DisplayName("ACC-8: the end of a day after the clocks go back is midnight GMT")
    void acc8_theEndOfTheDayFollowsTheClockChange() {
        assertEquals(Instant.parse("2026-10-27T00:00:00Z"), due("2026-10-24T09:00:00Z", NONE));
    }

    @Test
    @DisplayName("ACC-8: a holiday is not a working day: a weekend before half term waits for the first day back")
    void acc8_aWeekendBeforeAHolidayWaitsForTheFirstWorkingDayAfterIt() {
        List<SchoolHoliday> halfTerm = List.of(holiday("2026-10-26", "2026-10-30"));
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), due("2026-10-24T09:00:00Z", halfTerm));
    }

    @Test
    @DisplayName("ACC-8: received on a holiday weekday, due by the end of the next working day")
    void acc8_aHolidayMessageIsDueAtTheEndOfTheNextWorkingDay() {
        List<SchoolHoliday> holidays = List.of(holiday("2026-12-21", "2027-01-01"), holiday("2027-01-04", "2027-01-04"));
        assertEquals(Instant.parse("2027-01-06T00:00:00Z"), due("2026-12-23T11:00:00Z", holidays));
    }

    @Test
    @DisplayName("ACC-8: a holiday does not lengthen the 24 hours of a message received on a working day")
    void acc8_aWorkingDayMessageBeforeAHolidayIsStillDueIn24Hours() {
        List<SchoolHoliday> holidays = List.of(holiday("2026-12-21", "2027-01-01"));
        assertEquals(Instant.parse("2026-12-19T10:00:00Z"), due("2026-12-18T10:00:00Z", holidays));
    }
}
