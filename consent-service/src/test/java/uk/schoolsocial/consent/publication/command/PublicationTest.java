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
import uk.schoolsocial.events.consent.PublicationReviewOpenedEvent;
import uk.schoolsocial.events.consent.PublicationReviewedEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.ReviewDecision;
import uk.schoolsocial.events.consent.TakedownCause;
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
            ConsentChannel.OFFICIAL_SOCIAL_MEDIA, NOW, TakedownCause.CONSENT_WITHDRAWN);
    private static final PublicationReviewOpenedEvent REVIEW_OPENED = new PublicationReviewOpenedEvent(ID, "school-a",
            "pupil-2", ConsentChannel.OFFICIAL_SOCIAL_MEDIA, NOW);
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
                .when(new OpenTakedownCommand(ID, "pupil-1", TakedownCause.CONSENT_WITHDRAWN))
                .expectEvents(OPENED);
        fixture.given(REGISTERED, OPENED)
                .when(new OpenTakedownCommand(ID, "pupil-1", TakedownCause.CONSENT_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void con3_aPupilNotFeaturedOpensNoTakedown() {
        fixture.given(REGISTERED)
                .when(new OpenTakedownCommand(ID, "pupil-9", TakedownCause.CONSENT_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void con3_theTakedownIsTrackedToRemoval() {
        fixture.given(REGISTERED, OPENED)
                .when(new RecordTakedownCommand(ID, "school-a", " Deleted from Instagram ", "admin-1", null))
                .expectEvents(new PublicationTakenDownEvent(ID, "school-a", "admin-1", "Deleted from Instagram", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void con3_withoutAnOpenTakedownNothingIsTakenDown() {
        fixture.given(REGISTERED)
                .when(new RecordTakedownCommand(ID, "school-a", null, "admin-1", null))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NO_OPEN_TAKEDOWN));
        fixture.given(REGISTERED, OPENED, new PublicationTakenDownEvent(ID, "school-a", "admin-1", null, NOW))
                .when(new RecordTakedownCommand(ID, "school-a", null, "admin-1", null))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NO_OPEN_TAKEDOWN));
    }

    @Test
    void anotherSchoolCannotTakeItDown() {
        fixture.given(REGISTERED, OPENED)
                .when(new RecordTakedownCommand(ID, "school-b", null, "admin-9", null))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NOT_FOUND));
    }

    @Test
    void con2_thePupilsObjectionOpensATakedownWithItsCauseOnce() {
        TakedownOpenedEvent objected = new TakedownOpenedEvent(ID, "school-a", "pupil-2",
                ConsentChannel.OFFICIAL_SOCIAL_MEDIA, NOW, TakedownCause.PUPIL_OBJECTED);
        fixture.given(REGISTERED)
                .when(new OpenTakedownCommand(ID, "pupil-2", TakedownCause.PUPIL_OBJECTED))
                .expectEvents(objected);
        fixture.given(REGISTERED, objected)
                .when(new OpenTakedownCommand(ID, "pupil-2", TakedownCause.PUPIL_OBJECTED))
                .expectNoEvents();
    }

    @Test
    void con2_con3_aRemovedPublicationGetsNoTakedown() {
        fixture.given(REGISTERED, OPENED, new PublicationTakenDownEvent(ID, "school-a", "admin-1", null, NOW))
                .when(new OpenTakedownCommand(ID, "pupil-2", TakedownCause.PUPIL_OBJECTED))
                .expectNoEvents();
    }

    @Test
    void con6_aLeaverOpensAReviewOnce() {
        fixture.given(REGISTERED)
                .when(new OpenReviewCommand(ID, "pupil-2"))
                .expectEvents(REVIEW_OPENED);
        fixture.given(REGISTERED, REVIEW_OPENED)
                .when(new OpenReviewCommand(ID, "pupil-2"))
                .expectNoEvents();
    }

    @Test
    void con6_aLeaverWhoseTakedownIsOpenOrWhoWasReviewedIsNotReviewedAgain() {
        fixture.given(REGISTERED, OPENED)
                .when(new OpenReviewCommand(ID, "pupil-1"))
                .expectNoEvents();
        fixture.given(REGISTERED, REVIEW_OPENED, new PublicationReviewedEvent(ID, "school-a", List.of("pupil-2"),
                        ReviewDecision.KEEP, "slt-1", null, NOW))
                .when(new OpenReviewCommand(ID, "pupil-2"))
                .expectNoEvents();
    }

    @Test
    void con6_aReviewThatKeepsThePublicationIsRecordedWithItsReason() {
        fixture.given(REGISTERED, REVIEW_OPENED)
                .when(new ReviewPublicationCommand(ID, "school-a", ReviewDecision.KEEP, " Taken from behind ", "slt-1", null))
                .expectEvents(new PublicationReviewedEvent(ID, "school-a", List.of("pupil-2"), ReviewDecision.KEEP,
                        "slt-1", "Taken from behind", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void con6_aReviewThatTakesThePublicationDownOpensTheLeaversTakedown() {
        fixture.given(REGISTERED, REVIEW_OPENED)
                .when(new ReviewPublicationCommand(ID, "school-a", ReviewDecision.TAKE_DOWN, null, "slt-1", null))
                .expectEvents(new PublicationReviewedEvent(ID, "school-a", List.of("pupil-2"), ReviewDecision.TAKE_DOWN,
                                "slt-1", null, NOW),
                        new TakedownOpenedEvent(ID, "school-a", "pupil-2", ConsentChannel.OFFICIAL_SOCIAL_MEDIA, NOW,
                                TakedownCause.PUPIL_LEFT));
    }

    @Test
    void con6_withoutAnOpenReviewNothingIsDecided() {
        fixture.given(REGISTERED)
                .when(new ReviewPublicationCommand(ID, "school-a", ReviewDecision.KEEP, null, "slt-1", null))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NO_OPEN_REVIEW));
        fixture.given(REGISTERED, REVIEW_OPENED)
                .when(new ReviewPublicationCommand(ID, "school-b", ReviewDecision.KEEP, null, "slt-9", null))
                .expectNoEvents()
                .expectException(refusedWith(PublicationError.NOT_FOUND));
    }
}
