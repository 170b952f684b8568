package uk.schoolsocial.platform.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.error.DomainException;

/** The governors' report's durations and periods (issue 16). */
class DurationsTest {

    private static List<Duration> hours(double... values) {
        return java.util.Arrays.stream(values).mapToObj(h -> Duration.ofMillis(Math.round(h * 3_600_000))).toList();
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleAndTheNinetiethPercentileIsNearestRank() {
        assertEquals(new Durations(3, 4.0, 10.0), Durations.of(hours(10, 2, 4)));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(new Durations(2, 14.5, 26.0), Durations.of(hours(26, 3)));
    }

    @Test
    void ofTenValuesTheNinetiethPercentileIsTheNinthAndOfElevenTheTenth() {
        List<Duration> ten = IntStream.rangeClosed(1, 10).mapToObj(h -> Duration.ofHours(h)).toList();
        assertEquals(new Durations(10, 5.5, 9.0), Durations.of(ten));
        List<Duration> eleven = IntStream.rangeClosed(1, 11).mapToObj(h -> Duration.ofHours(h)).toList();
        assertEquals(new Durations(11, 6.0, 10.0), Durations.of(eleven));
    }

    @Test
    void noneGivesACountOfZeroAndNoFigures() {
        assertEquals(new Durations(0, null, null), Durations.of(List.of()));
    }

    @Test
    void hoursAreRoundedToATenthAndNegativeDurationsCountAsZero() {
        assertEquals(new Durations(2, 0.6, 1.2), Durations.of(List.of(Duration.ofMinutes(-5), Duration.ofMinutes(70))));
    }

    @Test
    void aPeriodIsWholeUtcDaysBothInclusiveOfAtMostThreeYears() {
        ReportPeriod period = ReportPeriod.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31));
        assertTrue(period.contains(Instant.parse("2026-09-01T00:00:00Z")));
        assertTrue(period.contains(Instant.parse("2026-12-31T23:59:59.999Z")));
        assertTrue(!period.contains(Instant.parse("2027-01-01T00:00:00Z")));
        assertTrue(!period.contains(null));
        assertEquals("2026-12", period.monthOf(Instant.parse("2026-12-31T23:59:59Z")));
        ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1));
        assertThrows(DomainException.class, () -> ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 2)));
        assertThrows(DomainException.class, () -> ReportPeriod.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)));
        assertThrows(DomainException.class, () -> ReportPeriod.of(LocalDate.of(9999, 1, 1), LocalDate.of(9999, 1, 2)));
    }
}
