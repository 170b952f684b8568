package uk.schoolsocial.account.privacy.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.DataSubject;
import uk.schoolsocial.events.account.SubjectAccessExtendedEvent;
import uk.schoolsocial.events.account.SubjectAccessFulfilledEvent;
import uk.schoolsocial.events.account.SubjectAccessRequestedEvent;
import uk.schoolsocial.platform.error.DomainException;

/** AUD-4 (UK GDPR Art. 15 and 12(3)): the rules of one subject access request. */
class SubjectAccessRequestTest {

    /** 00:30 on 1 April in London is still 31 March in UTC: "today" is the school's day. */
    private static final Instant NOW = Instant.parse("2026-03-31T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");
    private static final SubjectAccessRequestId ID = new SubjectAccessRequestId("r-1");
    private static final LocalDate JAN_31 = LocalDate.parse("2026-01-31");
    private AggregateTestFixture<SubjectAccessRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubjectAccessRequest.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("UTC")));
        fixture.registerInjectableResource(new SubjectAccessRule(ZoneId.of("Europe/London")));
    }

    private static SubjectAccessRequestedEvent requested(LocalDate receivedOn, LocalDate dueOn) {
        return new SubjectAccessRequestedEvent("r-1", "school-a", DataSubject.PUPIL, "pupil-7", receivedOn,
                "The pupil's mother", dueOn, "slt-1", NOW);
    }

    private static SubjectAccessExtendedEvent extended(int months, LocalDate dueOn) {
        return new SubjectAccessExtendedEvent("r-1", "school-a", months, "Complex", dueOn, "slt-1", NOW);
    }

    @Test
    void aud4_aRequestReceivedOn31JanuaryIsDueOnTheLastDayOfFebruary() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectAccessRequestCommand(ID, "school-a", "slt-1", DataSubject.PUPIL, " pupil-7 ",
                        JAN_31, " The pupil's mother "))
                .expectEvents(requested(JAN_31, LocalDate.parse("2026-02-28")));
    }

    @Test
    void aud4_aRequestReceivedTodayInTheSchoolsZoneIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectAccessRequestCommand(ID, "school-a", "slt-1", DataSubject.PUPIL, "pupil-7",
                        TODAY, "The pupil's mother"))
                .expectEvents(requested(TODAY, LocalDate.parse("2026-05-01")));
    }

    @Test
    void aud4_aRequestReceivedInTheFutureIsRefusedNamingEveryField() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectAccessRequestCommand(ID, "school-a", "slt-1", null, " ", TODAY.plusDays(1),
                        null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("The request is incomplete: [subjectType, subjectId, receivedOn]");
    }

    @Test
    void aud4_anExtensionOfTwoMonthsMakesItDueThreeCalendarMonthsAfterReceipt() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new ExtendSubjectAccessRequestCommand(ID, "school-a", "slt-1", " Complex ", 2, null))
                .expectEvents(extended(2, LocalDate.parse("2026-04-30")));
    }

    @Test
    void aud4_anExtensionNeedsAReason() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new ExtendSubjectAccessRequestCommand(ID, "school-a", "slt-1", " ", 1, null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("An extension needs a reason");
    }

    @Test
    void aud4_theTimeIsExtendedOnceOnly() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")), extended(1, LocalDate.parse("2026-03-31")))
                .when(new ExtendSubjectAccessRequestCommand(ID, "school-a", "slt-1", "More", 1, null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("The time to answer was extended already");
    }

    @Test
    void aud4_neverMoreThanThreeMonthsAfterReceipt() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new ExtendSubjectAccessRequestCommand(ID, "school-a", "slt-1", "Complex", 3, null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("An extension is one or two months, three months after receipt in all");
    }

    @Test
    void aud4_aFulfilledRequestIsNotExtended() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")),
                        new SubjectAccessFulfilledEvent("r-1", "school-a", JAN_31, "slt-1", NOW))
                .when(new ExtendSubjectAccessRequestCommand(ID, "school-a", "slt-1", "Complex", 1, null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("The request was fulfilled already; there is nothing left to extend");
    }

    @Test
    void aud4_aRequestIsFulfilledOnADayFromReceiptToToday() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new FulfilSubjectAccessRequestCommand(ID, "school-a", "slt-1", TODAY, null))
                .expectEvents(new SubjectAccessFulfilledEvent("r-1", "school-a", TODAY, "slt-1", NOW));
    }

    @Test
    void aud4_aFulfilmentBeforeReceiptIsRefused() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new FulfilSubjectAccessRequestCommand(ID, "school-a", "slt-1", JAN_31.minusDays(1), null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("A request is fulfilled between its receipt and today");
    }

    @Test
    void aud4_aFulfilmentInTheFutureIsRefused() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new FulfilSubjectAccessRequestCommand(ID, "school-a", "slt-1", TODAY.plusDays(1), null))
                .expectNoEvents().expectException(DomainException.class);
    }

    @Test
    void aud4_aRequestIsFulfilledOnce() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")),
                        new SubjectAccessFulfilledEvent("r-1", "school-a", JAN_31, "slt-1", NOW))
                .when(new FulfilSubjectAccessRequestCommand(ID, "school-a", "slt-1", TODAY, null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("The request was fulfilled already");
    }

    @Test
    void aud4_anotherSchoolsRequestDoesNotExistForItsCaller() {
        fixture.given(requested(JAN_31, LocalDate.parse("2026-02-28")))
                .when(new FulfilSubjectAccessRequestCommand(ID, "school-b", "slt-9", TODAY, null))
                .expectNoEvents().expectException(DomainException.class)
                .expectExceptionMessage("No such subject access request");
    }
}
