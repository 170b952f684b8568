package uk.schoolsocial.incident.takedown.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.incident.TakedownPeriodSetEvent;
import uk.schoolsocial.platform.error.DomainException;

/** INC-5: a school's period per platform for takedown requests, which SLT shortens or lengthens. */
class TakedownPeriodSettingsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String SCHOOL = "school-a";
    private AggregateTestFixture<TakedownPeriodSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TakedownPeriodSettings.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SetTakedownPeriodCommand set(String platform, Integer hours) {
        return new SetTakedownPeriodCommand(SCHOOL, "slt-1", platform, hours);
    }

    @Test
    void inc5_sltSetsAPlatformsPeriod() {
        fixture.givenNoPriorActivity()
                .when(set(" Facebook ", 24))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TakedownPeriodSetEvent(SCHOOL, "Facebook", 24, "slt-1", NOW));
    }

    @Test
    void inc5_aPlatformsPeriodCanBeLengthenedAgain() {
        fixture.given(new TakedownPeriodSetEvent(SCHOOL, "Facebook", 24, "slt-1", NOW))
                .when(set("Facebook", 72))
                .expectEvents(new TakedownPeriodSetEvent(SCHOOL, "Facebook", 72, "slt-1", NOW));
    }

    @Test
    void inc5_thePeriodAPlatformHasAlreadyRecordsNothing() {
        fixture.given(new TakedownPeriodSetEvent(SCHOOL, "Facebook", 24, "slt-1", NOW))
                .when(set(" facebook", 24))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void inc5_aPeriodUnderAnHourOrOverTwoWeeksIsRefusedNamingHours() {
        for (Integer hours : new Integer[]{0, -1, 337, null}) {
            fixture.givenNoPriorActivity()
                    .when(set("Facebook", hours))
                    .expectNoEvents()
                    .expectException(DomainException.class)
                    .expectExceptionMessage("The takedown period is incomplete: [hours]");
        }
    }

    @Test
    void inc5_theBoundsThemselvesAreAccepted() {
        fixture.givenNoPriorActivity().when(set("X", 1))
                .expectEvents(new TakedownPeriodSetEvent(SCHOOL, "X", 1, "slt-1", NOW));
        fixture.givenNoPriorActivity().when(set("X", 336))
                .expectEvents(new TakedownPeriodSetEvent(SCHOOL, "X", 336, "slt-1", NOW));
    }

    @Test
    void inc5_aPeriodNeedsAPlatform() {
        fixture.givenNoPriorActivity()
                .when(set(" ", 24))
                .expectNoEvents()
                .expectExceptionMessage("The takedown period is incomplete: [platform]");
    }
}
