package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void timingsKeepATenthOfASecond() {
        assertEquals("12.3 s", Durations.format(Duration.ofMillis(12_345)));
    }

    @Test
    void tokenLifetimesUseTheLargestUnitThatFitsTwice() {
        assertEquals("30 days", Durations.roughly(Duration.ofSeconds(2_592_000)));
        assertEquals("36 hours", Durations.roughly(Duration.ofHours(36)));
        assertEquals("60 minutes", Durations.roughly(Duration.ofHours(1)));
        assertEquals("90 s", Durations.roughly(Duration.ofSeconds(90)));
    }
}
