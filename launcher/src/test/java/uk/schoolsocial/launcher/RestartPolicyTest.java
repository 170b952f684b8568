package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void theWaitDoublesFromOneSecondUpToThirtySeconds() {
        List<Long> seconds = IntStream.rangeClosed(1, 10)
                .mapToObj(attempt -> RestartPolicy.DEFAULT.delayBefore(attempt).toSeconds())
                .toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L, 30L), seconds);
        assertEquals(Duration.ofSeconds(30), RestartPolicy.DEFAULT.delayBefore(1_000));
    }

    @Test
    void aChildCountsAsRecoveredAfterAMinuteUp() {
        assertFalse(RestartPolicy.DEFAULT.recovered(Duration.ofSeconds(59)));
        assertTrue(RestartPolicy.DEFAULT.recovered(Duration.ofSeconds(60)));
    }
}
