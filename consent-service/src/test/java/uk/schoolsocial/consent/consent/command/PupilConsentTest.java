package uk.schoolsocial.consent.consent.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentMethod;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.ErrorCode;

class PupilConsentTest {

    private static final Instant NOW = Instant.parse("2026-09-05T08:41:12Z");
    private static final LocalDate GIVEN_ON = LocalDate.of(2026, 9, 4);
    private static final PupilConsentId ID = PupilConsentId.of("school-a", "pupil-1");
    private AggregateTestFixture<PupilConsent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PupilConsent.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RecordConsentCommand paperForm(String formReference, LocalDate validUntil) {
        return new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.OFFICIAL_SOCIAL_MEDIA, "parent-1",
                ConsentMethod.PAPER_FORM, formReference, GIVEN_ON, validUntil, "staff-1", true);
    }

    private static RecordConsentCommand signedOnlineBy(String actorId, String givenBy) {
        return new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.WEBSITE, givenBy,
                ConsentMethod.SIGNED_ONLINE, null, GIVEN_ON, null, actorId, false);
    }

    private static ConsentGivenEvent given(ConsentChannel channel, LocalDate validUntil) {
        return new ConsentGivenEvent(ID.value(), "school-a", "pupil-1", channel, "parent-1", ConsentMethod.PAPER_FORM,
                "CF-1", GIVEN_ON, validUntil, NOW);
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
    void con1_staffRecordAPaperFormOnBehalfOfTheParent() {
        fixture.givenNoPriorActivity()
                .when(paperForm("CF-1", LocalDate.of(2027, 7, 20)))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 7, 20)))
                .expectResultMessagePayload(0L);
    }

    @Test
    void con1_consentLastsUntilTheEndOfTheAcademicYearByDefault() {
        fixture.givenNoPriorActivity()
                .when(paperForm("CF-1", null))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 8, 31)));
    }

    @Test
    void con1_aLaterConsentAddsToThePupilsRecord() {
        fixture.given(given(ConsentChannel.PRINT, LocalDate.of(2027, 8, 31)))
                .when(paperForm("CF-1", null))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 8, 31)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void con1_aPaperFormNeedsItsReference() {
        fixture.givenNoPriorActivity()
                .when(paperForm(" ", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.INVALID_CONSENT))
                .expectExceptionMessage("The consent record is incomplete or invalid: [formReference]");
    }

    @Test
    void con1_validUntilBeforeGivenOnIsRefused() {
        fixture.givenNoPriorActivity()
                .when(paperForm("CF-1", GIVEN_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.INVALID_CONSENT))
                .expectExceptionMessage("The consent record is incomplete or invalid: [validUntil]");
    }

    @Test
    void con1_everyMissingFieldIsNamedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new RecordConsentCommand(ID, "school-a", "pupil-1", null, " ", null, null, null, null, "staff-1", true))
                .expectNoEvents()
                .expectExceptionMessage("The consent record is incomplete or invalid: [channel, givenBy, method, givenOn]");
    }

    @Test
    void con1_aParentGivesConsentAsThemselves() {
        fixture.givenNoPriorActivity()
                .when(signedOnlineBy("parent-1", "parent-1"))
                .expectEvents(new ConsentGivenEvent(ID.value(), "school-a", "pupil-1", ConsentChannel.WEBSITE, "parent-1",
                        ConsentMethod.SIGNED_ONLINE, null, GIVEN_ON, LocalDate.of(2027, 8, 31), NOW));
    }

    @Test
    void con1_aParentCannotGiveConsentInAnotherAdultsName() {
        fixture.givenNoPriorActivity()
                .when(signedOnlineBy("parent-1", "parent-2"))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_THE_GIVER));
    }

    @Test
    void anotherSchoolCannotTouchThePupilsRecord() {
        fixture.given(given(ConsentChannel.PRINT, LocalDate.of(2027, 8, 31)))
                .when(new RecordConsentCommand(ID, "school-b", "pupil-1", ConsentChannel.PRINT, "parent-9",
                        ConsentMethod.PAPER_FORM, "CF-9", GIVEN_ON, null, "staff-9", true))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
    }
}
