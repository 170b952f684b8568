package uk.schoolsocial.consent.publication.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.TakedownOpenedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.ErrorCode;

class PublicationTest {

    private static final Instant NOW = Instant.parse("2026-10-02T09:12:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 10, 1);
    private static final String ID = "pub-1";
    private static final String LINK = "https://instagram.com/p/abc";
    private static final PublicationRegisteredEvent REGISTERED = new PublicationRegisteredEvent(ID, "school-a",
            ConsentChannel.OFFICIAL_SOCIAL_MEDIA, "account-1", LINK, List.of("pupil-1", "pupil-2"), ON, "check-1",
            "staff-1", NOW);
    private static final TakedownOpenedEvent OPENED = new TakedownOpenedEvent(ID, "school-a", "pupil-1",
            ConsentChannel.OFFICIAL_SOCIAL_MEDIA, NOW);
    private AggregateTestFixture<Publication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Publication.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RegisterPublicationCommand register(boolean checkPassed) {
        return new RegisterPublicationCommand(ID, "school-a", ConsentChannel.OFFICIAL_SOCIAL_MEDIA, "account-1", LINK,
                List.of("pupil-2", "pupil-1"), ON, "check-1", checkPassed, "staff-1");
    }

    private static Matcher<Object> refusedWith(ErrorCode code) {
        return allOf(instanceOf(DomainException.class),
                new FeatureMatcher<Object, ErrorCode>(equalTo(code), "error code", "code") {
                    @Override
                    protected ErrorCode featureValueOf(Object actual) {
                        return ((DomainException) actual).code();
                    }
                });
    }

    @Test
    void con5_aPublicationWhoseCheckPassedIsRegistered() {
        fixture.givenNoPriorActivity().when(register(true)).expectEvents(REGISTERED);
    }

    @Test
    void con5_aPublicationWhoseCheckDidNotPassIsRefused() {
        fixture.givenNoPriorActivity().when(register(false))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.CHECK_NOT_PASSED));
    }

    @Test
    void con3_aWithdrawalOpensATakedownForAFeaturedPupilOnce() {
        fixture.given(REGISTERED)
                .when(new OpenTakedownCommand(ID, "pupil-1", ConsentChannel.OFFICIAL_SOCIAL_MEDIA))
                .expectEvents(OPENED);
        fixture.given(REGISTERED, OPENED)
                .when(new OpenTakedownCommand(ID, "pupil-1", ConsentChannel.OFFICIAL_SOCIAL_MEDIA))
                .expectNoEvents();
    }

    @Test
    void con3_aPupilNotFeaturedOpensNoTakedown() {
        fixture.given(REGISTERED)
                .when(new OpenTakedownCommand(ID, "pupil-9", ConsentChannel.OFFICIAL_SOCIAL_MEDIA))
                .expectNoEvents();
    }

    @Test
    void con3_theTakedownIsTrackedToRemoval() {
        fixture.given(REGISTERED, OPENED)
                .when(new RecordTakedownCommand(ID, "school-a", " Deleted from Instagram ", "admin-1"))
                .expectEvents(new PublicationTakenDownEvent(ID, "school-a", "admin-1", "Deleted from Instagram", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void con3_withoutAnOpenTakedownNothingIsTakenDown() {
        fixture.given(REGISTERED)
                .when(new RecordTakedownCommand(ID, "school-a", null, "admin-1"))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NO_OPEN_TAKEDOWN));
        fixture.given(REGISTERED, OPENED, new PublicationTakenDownEvent(ID, "school-a", "admin-1", null, NOW))
                .when(new RecordTakedownCommand(ID, "school-a", null, "admin-1"))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NO_OPEN_TAKEDOWN));
    }

    @Test
    void anotherSchoolCannotTakeItDown() {
        fixture.given(REGISTERED, OPENED)
                .when(new RecordTakedownCommand(ID, "school-b", null, "admin-9"))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NOT_FOUND));
    }
}
