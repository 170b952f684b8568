package uk.schoolsocial.consent.consent.command;

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
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentMethod;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionLiftedEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.PupilRosteredEvent;
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
        fixture.registerInjectableResource(AcademicYears.ENGLAND_AND_WALES);
    }

    private static final LocalDate BORN = LocalDate.of(2016, 3, 14);
    private static final PupilRosteredEvent ROSTERED = new PupilRosteredEvent(ID.value(), "school-a", "pupil-1", "Zoë",
            "Ó Briain", "Year 5", BORN, List.of("parent-1", "parent-2"), NOW);

    private static RosterPupilCommand roster(String yearGroup, List<String> parents, LocalDate leftOn) {
        return new RosterPupilCommand(ID, "school-a", "pupil-1", " Zoë ", "Ó Briain", yearGroup, BORN, parents, leftOn);
    }

    private static RecordConsentCommand paperForm(String formReference, LocalDate validUntil) {
        return new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.OFFICIAL_SOCIAL_MEDIA, "parent-1",
                ConsentMethod.PAPER_FORM, formReference, GIVEN_ON, validUntil, "staff-1", true, null);
    }

    private static RecordConsentCommand signedOnlineBy(String actorId, String givenBy) {
        return new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.WEBSITE, givenBy,
                ConsentMethod.SIGNED_ONLINE, null, GIVEN_ON, null, actorId, false, null);
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
        fixture.given(ROSTERED)
                .when(paperForm("CF-1", LocalDate.of(2027, 7, 20)))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 7, 20)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void con1_consentLastsUntilTheEndOfTheAcademicYearByDefault() {
        fixture.given(ROSTERED)
                .when(paperForm("CF-1", null))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 8, 31)));
    }

    @Test
    void con1_consentLastsUntilTheEndOfTheSchoolsOwnYearWhereItIsSet() {
        AggregateTestFixture<PupilConsent> julyEnd = new AggregateTestFixture<>(PupilConsent.class);
        julyEnd.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        julyEnd.registerInjectableResource(AcademicYears.of(List.of("school-b=06-30", "school-a=07-31")));
        julyEnd.given(ROSTERED)
                .when(paperForm("CF-1", null))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 7, 31)));
    }

    @Test
    void con1_aLaterConsentAddsToThePupilsRecord() {
        fixture.given(ROSTERED, given(ConsentChannel.PRINT, LocalDate.of(2027, 8, 31)))
                .when(paperForm("CF-1", null))
                .expectEvents(given(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, LocalDate.of(2027, 8, 31)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void con1_aPaperFormNeedsItsReference() {
        fixture.given(ROSTERED)
                .when(paperForm(" ", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.INVALID_CONSENT))
                .expectExceptionMessage("The consent record is incomplete or invalid: [formReference]");
    }

    @Test
    void con1_validUntilBeforeGivenOnIsRefused() {
        fixture.given(ROSTERED)
                .when(paperForm("CF-1", GIVEN_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.INVALID_CONSENT))
                .expectExceptionMessage("The consent record is incomplete or invalid: [validUntil]");
    }

    @Test
    void con1_everyMissingFieldIsNamedAtOnce() {
        fixture.given(ROSTERED)
                .when(new RecordConsentCommand(ID, "school-a", "pupil-1", null, " ", null, null, null, null, "staff-1", true, null))
                .expectNoEvents()
                .expectExceptionMessage("The consent record is incomplete or invalid: [channel, givenBy, method, givenOn]");
    }

    @Test
    void con1_aParentGivesConsentAsThemselves() {
        fixture.given(ROSTERED)
                .when(signedOnlineBy("parent-1", "parent-1"))
                .expectEvents(new ConsentGivenEvent(ID.value(), "school-a", "pupil-1", ConsentChannel.WEBSITE, "parent-1",
                        ConsentMethod.SIGNED_ONLINE, null, GIVEN_ON, LocalDate.of(2027, 8, 31), NOW));
    }

    @Test
    void con1_aParentCannotGiveConsentInAnotherAdultsName() {
        fixture.given(ROSTERED)
                .when(signedOnlineBy("parent-1", "parent-2"))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_THE_GIVER));
    }

    @Test
    void anotherSchoolCannotTouchThePupilsRecord() {
        fixture.given(ROSTERED, given(ConsentChannel.PRINT, LocalDate.of(2027, 8, 31)))
                .when(new RecordConsentCommand(ID, "school-b", "pupil-1", ConsentChannel.PRINT, "parent-9",
                        ConsentMethod.PAPER_FORM, "CF-9", GIVEN_ON, null, "staff-9", true, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
    }

    @Test
    void con6_theMisPutsAPupilOnTheRosterWithTheirParents() {
        fixture.givenNoPriorActivity()
                .when(roster("Year 5", List.of("parent-2", " parent-1", "parent-1"), null))
                .expectEvents(ROSTERED)
                .expectResultMessagePayload(new RosterOutcome(0L, true, false, true));
    }

    @Test
    void con6_theSameEntryPushedAgainAddsNothing() {
        fixture.given(ROSTERED)
                .when(roster("Year 5", List.of("parent-1", "parent-2"), null))
                .expectNoEvents()
                .expectResultMessagePayload(new RosterOutcome(0L, false, false, false));
    }

    @Test
    void con6_aChangedEntryIsRecordedWhole() {
        fixture.given(ROSTERED)
                .when(roster("Year 6", List.of("parent-1"), null))
                .expectEvents(new PupilRosteredEvent(ID.value(), "school-a", "pupil-1", "Zoë", "Ó Briain", "Year 6", BORN,
                        List.of("parent-1"), NOW));
    }

    @Test
    void con6_aLeaverIsRecordedOnce() {
        LocalDate left = LocalDate.of(2027, 7, 21);
        fixture.given(ROSTERED)
                .when(roster("Year 5", List.of("parent-1", "parent-2"), left))
                .expectEvents(new PupilLeftEvent(ID.value(), "school-a", "pupil-1", left, NOW))
                .expectResultMessagePayload(new RosterOutcome(1L, true, true, false));
        fixture.given(ROSTERED, new PupilLeftEvent(ID.value(), "school-a", "pupil-1", left, NOW))
                .when(roster("Year 5", List.of("parent-1", "parent-2"), left))
                .expectNoEvents();
    }

    @Test
    void con6_aPupilWhoLeftGetsNoNewConsent() {
        fixture.given(ROSTERED, new PupilLeftEvent(ID.value(), "school-a", "pupil-1", GIVEN_ON, NOW))
                .when(paperForm("CF-1", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.PUPIL_LEFT));
    }

    @Test
    void con6_aPupilNotOnTheRosterGetsNoConsent() {
        fixture.givenNoPriorActivity()
                .when(paperForm("CF-1", null))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void con1_onlyAnAdultWithParentalResponsibilityGivesConsent() {
        fixture.given(ROSTERED)
                .when(new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.PRINT, "childminder-1",
                        ConsentMethod.PAPER_FORM, "CF-2", GIVEN_ON, null, "staff-1", true, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NO_PARENTAL_RESPONSIBILITY));
    }

    /**
     * CON-1, issue 11: to a parent the roster does not link to the pupil, the pupil does not exist,
     * whatever the form says; the answer is an unknown pupil's, so pupil ids cannot be probed.
     */
    @Test
    void con1_toAnotherFamilysParentThePupilDoesNotExist() {
        fixture.given(ROSTERED)
                .when(signedOnlineBy("parent-9", "parent-9"))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
        fixture.given(ROSTERED)
                .when(signedOnlineBy("parent-9", "parent-1"))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
        fixture.given(ROSTERED, new PupilLeftEvent(ID.value(), "school-a", "pupil-1", GIVEN_ON, NOW))
                .when(new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.WEBSITE, "parent-9",
                        ConsentMethod.SIGNED_ONLINE, null, GIVEN_ON.plusYears(5), null, "parent-9", false, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
    }

    /** CON-1, issue 11: consent given tomorrow (at the school) is refused, naming givenOn. */
    @Test
    void con1_consentIsNotGivenInTheFuture() {
        fixture.given(ROSTERED)
                .when(new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.PRINT, "parent-1",
                        ConsentMethod.PAPER_FORM, "CF-1", LocalDate.of(2026, 9, 6), null, "staff-1", true, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.INVALID_CONSENT))
                .expectExceptionMessage("The consent record is incomplete or invalid: [givenOn]");
        fixture.given(ROSTERED)
                .when(new RecordConsentCommand(ID, "school-a", "pupil-1", ConsentChannel.PRINT, "parent-1",
                        ConsentMethod.PAPER_FORM, "CF-1", LocalDate.of(2026, 9, 5), null, "staff-1", true, null))
                .expectSuccessfulHandlerExecution();
    }

    /** CON-6, issue 11: a pupil born in the future cannot be on the roster. */
    @Test
    void con6_aPupilIsNotBornInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new RosterPupilCommand(ID, "school-a", "pupil-1", "Zoë", "Ó Briain", "Reception",
                        LocalDate.of(2026, 9, 6), List.of("parent-1"), null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.INVALID_ROSTER_ENTRY));
    }

    @Test
    void con2_thePupilsObjectionIsRecordedOnce() {
        PupilObjectionRecordedEvent objection = new PupilObjectionRecordedEvent(ID.value(), "school-a", "pupil-1",
                "staff-1", "Does not want to be photographed", NOW);
        fixture.given(ROSTERED, given(ConsentChannel.WEBSITE, LocalDate.of(2027, 8, 31)))
                .when(new RecordObjectionCommand(ID, "school-a", " Does not want to be photographed ", "staff-1", null))
                .expectEvents(objection)
                .expectResultMessagePayload(2L);
        fixture.given(ROSTERED, objection)
                .when(new RecordObjectionCommand(ID, "school-a", null, "staff-1", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.ALREADY_OBJECTED));
    }

    @Test
    void con3_anyHolderOfParentalResponsibilityWithdraws() {
        fixture.given(ROSTERED, given(ConsentChannel.WEBSITE, LocalDate.of(2027, 8, 31)))
                .when(new WithdrawConsentCommand(ID, "school-a", ConsentChannel.WEBSITE, "parent-2", "parent-2", false, null))
                .expectEvents(new ConsentWithdrawnEvent(ID.value(), "school-a", "pupil-1", ConsentChannel.WEBSITE,
                        "parent-2", NOW));
    }

    @Test
    void con3_onlyAStandingConsentCanBeWithdrawn() {
        fixture.given(ROSTERED, given(ConsentChannel.WEBSITE, LocalDate.of(2027, 8, 31)),
                        new ConsentWithdrawnEvent(ID.value(), "school-a", "pupil-1", ConsentChannel.WEBSITE, "parent-1", NOW))
                .when(new WithdrawConsentCommand(ID, "school-a", ConsentChannel.WEBSITE, "parent-1", "staff-1", true, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NO_CONSENT_TO_WITHDRAW));
    }

    @Test
    void con3_aParentWithdrawsOnlyAsThemselvesAndOnlyWhenLinked() {
        fixture.given(ROSTERED, given(ConsentChannel.WEBSITE, LocalDate.of(2027, 8, 31)))
                .when(new WithdrawConsentCommand(ID, "school-a", ConsentChannel.WEBSITE, "parent-1", "parent-2", false, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_THE_GIVER));
        fixture.given(ROSTERED, given(ConsentChannel.WEBSITE, LocalDate.of(2027, 8, 31)))
                .when(new WithdrawConsentCommand(ID, "school-a", ConsentChannel.WEBSITE, "parent-9", "parent-9", false, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
        fixture.given(ROSTERED, given(ConsentChannel.WEBSITE, LocalDate.of(2027, 8, 31)))
                .when(new WithdrawConsentCommand(ID, "school-a", ConsentChannel.WEBSITE, "childminder-1", "staff-1", true, null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NO_PARENTAL_RESPONSIBILITY));
    }

    private static final PupilObjectionRecordedEvent OBJECTED = new PupilObjectionRecordedEvent(ID.value(), "school-a",
            "pupil-1", "staff-1", null, NOW);

    @Test
    void con2_anObjectionIsLiftedAsADecisionWithItsReason() {
        fixture.given(ROSTERED, OBJECTED)
                .when(new LiftObjectionCommand(ID, "school-a", " She wants to be in the team photo ", "dsl-1", null))
                .expectEvents(new PupilObjectionLiftedEvent(ID.value(), "school-a", "pupil-1", "dsl-1",
                        "She wants to be in the team photo", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void con2_onlyAStandingObjectionIsLiftedAndALiftedOneCanBeRecordedAgain() {
        PupilObjectionLiftedEvent lifted = new PupilObjectionLiftedEvent(ID.value(), "school-a", "pupil-1", "dsl-1",
                "Changed her mind", NOW);
        fixture.given(ROSTERED)
                .when(new LiftObjectionCommand(ID, "school-a", "Changed her mind", "dsl-1", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NO_OBJECTION_TO_LIFT));
        fixture.given(ROSTERED, OBJECTED, lifted)
                .when(new LiftObjectionCommand(ID, "school-a", "Changed her mind", "dsl-1", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NO_OBJECTION_TO_LIFT));
        fixture.given(ROSTERED, OBJECTED, lifted)
                .when(new RecordObjectionCommand(ID, "school-a", null, "staff-1", null))
                .expectEvents(new PupilObjectionRecordedEvent(ID.value(), "school-a", "pupil-1", "staff-1", null, NOW));
    }

    @Test
    void con2_anObjectionIsNotLiftedWithoutAReasonNorByAnotherSchool() {
        fixture.given(ROSTERED, OBJECTED)
                .when(new LiftObjectionCommand(ID, "school-a", "  ", "dsl-1", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.REASON_REQUIRED));
        fixture.given(ROSTERED, OBJECTED)
                .when(new LiftObjectionCommand(ID, "school-b", "Changed her mind", "dsl-9", null))
                .expectNoEvents()
                .expectException(refusedWith(ConsentError.NOT_FOUND));
    }
}
