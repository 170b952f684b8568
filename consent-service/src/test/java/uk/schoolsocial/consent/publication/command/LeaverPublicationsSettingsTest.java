package uk.schoolsocial.consent.publication.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.LeaverPublications;
import uk.schoolsocial.events.consent.LeaverPublicationsSetEvent;

class LeaverPublicationsSettingsTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private AggregateTestFixture<LeaverPublicationsSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LeaverPublicationsSettings.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SetLeaverPublicationsCommand set(ConsentChannel channel, LeaverPublications choice) {
        return new SetLeaverPublicationsCommand("school-a", channel, choice, "slt-1");
    }

    private static LeaverPublicationsSetEvent chosen(ConsentChannel channel, LeaverPublications choice) {
        return new LeaverPublicationsSetEvent("school-a", channel, choice, "slt-1", NOW);
    }

    @Test
    void con6_theSchoolChoosesPerChannelAndTheChoiceIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(set(ConsentChannel.PRINT, LeaverPublications.TAKE_DOWN))
                .expectEvents(chosen(ConsentChannel.PRINT, LeaverPublications.TAKE_DOWN))
                .expectResultMessagePayload(0L);
        fixture.given(chosen(ConsentChannel.PRINT, LeaverPublications.TAKE_DOWN))
                .when(set(ConsentChannel.WEBSITE, LeaverPublications.TAKE_DOWN))
                .expectEvents(chosen(ConsentChannel.WEBSITE, LeaverPublications.TAKE_DOWN));
    }

    @Test
    void con6_choosingTheDefaultIsRecordedAsADecisionButChoosingItAgainIsNot() {
        fixture.givenNoPriorActivity()
                .when(set(ConsentChannel.PRINT, LeaverPublications.REVIEW))
                .expectEvents(chosen(ConsentChannel.PRINT, LeaverPublications.REVIEW));
        fixture.given(chosen(ConsentChannel.PRINT, LeaverPublications.TAKE_DOWN),
                        chosen(ConsentChannel.PRINT, LeaverPublications.REVIEW))
                .when(set(ConsentChannel.PRINT, LeaverPublications.REVIEW))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }
}
