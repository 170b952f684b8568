package uk.schoolsocial.account.response.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.SchoolHoliday;
import uk.schoolsocial.events.account.SchoolHolidaysSetEvent;

class HolidayCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final SchoolHoliday CHRISTMAS = holiday("2026-12-21", "2027-01-01", "Christmas");
    private static final SchoolHoliday HALF_TERM = holiday("2027-02-15", "2027-02-19", "Half term");
    private AggregateTestFixture<HolidayCalendar> fixture;

    private static SchoolHoliday holiday(String first, String last, String name) {
        return new SchoolHoliday(first == null ? null : LocalDate.parse(first), last == null ? null : LocalDate.parse(last),
                name);
    }

    private static SetSchoolHolidaysCommand set(Long expectedVersion, SchoolHoliday... holidays) {
        return new SetSchoolHolidaysCommand("school-a", Arrays.asList(holidays), expectedVersion);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HolidayCalendar.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void acc8_theSchoolsHolidaysAreSetInDateOrderWithNamesTidied() {
        fixture.givenNoPriorActivity()
                .when(set(null, HALF_TERM, holiday("2026-12-21", "2027-01-01", " Christmas ")))
                .expectEvents(new SchoolHolidaysSetEvent("school-a", List.of(CHRISTMAS, HALF_TERM), NOW))
                .expectResultMessagePayload(0L);
    }

    @Test
    void acc8_theSameHolidaysAgainChangeNothing() {
        fixture.given(new SchoolHolidaysSetEvent("school-a", List.of(CHRISTMAS, HALF_TERM), NOW))
                .when(set(null, HALF_TERM, CHRISTMAS))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void acc8_anEmptyListRemovesEveryHoliday() {
        fixture.given(new SchoolHolidaysSetEvent("school-a", List.of(CHRISTMAS), NOW))
                .when(set(0L))
                .expectEvents(new SchoolHolidaysSetEvent("school-a", List.of(), NOW));
    }

    @Test
    void acc8_everyBadHolidayIsNamed() {
        fixture.givenNoPriorActivity()
                .when(set(null, holiday("2027-01-01", "2026-12-21", "Backwards"), holiday(null, "2026-12-21", " "),
                        holiday("2026-01-01", "2027-06-01", "Too long")))
                .expectNoEvents()
                .expectExceptionMessage("Invalid holidays: [holidays[0].lastDay, holidays[1].firstDay, holidays[1].name,"
                        + " holidays[2].lastDay]");
    }

    @Test
    void acc8_aStaleIfMatchIsRefused() {
        fixture.given(new SchoolHolidaysSetEvent("school-a", List.of(CHRISTMAS), NOW),
                        new SchoolHolidaysSetEvent("school-a", List.of(HALF_TERM), NOW))
                .when(set(0L, CHRISTMAS))
                .expectNoEvents()
                .expectExceptionMessage("The holidays have changed since the version given in If-Match; read them again");
    }
}
