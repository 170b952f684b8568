package uk.schoolsocial.account.official.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.CancelHandoverCommand;
import uk.schoolsocial.account.official.command.EscalateHandoverCommand;
import uk.schoolsocial.account.official.command.OpenedHandover;
import uk.schoolsocial.account.official.command.RecordAdministratorLeftCommand;
import uk.schoolsocial.account.official.command.RescheduleHandoverCommand;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;

class HandoverSagaTest {

    private static final LocalDate LEAVING = LocalDate.parse("2026-11-20");
    private static final Duration DUE_IN = Duration.ofDays(14);
    private static final LeavingDates LONDON = new LeavingDates(ZoneId.of("Europe/London"));
    private SagaTestFixture<HandoverSaga> fixture;
    private Instant due;
    /** ACC-7: a leaving date still to come, as the fixture's clock sees it; its end; a later date and its end. */
    private LocalDate notice;
    private Instant noticeEnds;
    private LocalDate later;
    private Instant laterEnds;
    /** Whether acc-1 has opened its handover (it opens one at most). */
    private boolean opened;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HandoverSaga.class);
        due = fixture.currentTime().plus(DUE_IN);
        notice = LONDON.today(fixture.currentTime()).plusDays(10);
        noticeEnds = LONDON.endOf(notice);
        later = notice.plusDays(21);
        laterEnds = LONDON.endOf(later);
        // staff-1 administers acc-1 (which falls below two fit administrators) and acc-2 (which does not).
        fixture.registerResource((AdministeredAccounts) (school, staff) ->
                "staff-1".equals(staff) ? List.of("acc-1", "acc-2") : List.of());
        fixture.registerResource(LONDON);
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RecordAdministratorLeftCommand left && left.accountId().value().equals("acc-1")
                    && !opened) {
                opened = true;
                boolean onNotice = LONDON.endOf(left.leavingDate()).isAfter(fixture.currentTime());
                return new OpenedHandover("acc-1", "ho-1", onNotice ? LONDON.endOf(left.leavingDate()) : due);
            }
            if (command instanceof RescheduleHandoverCommand moved) {
                return LONDON.endOf(moved.leavingDate());
            }
            return null;
        });
    }

    private static StaffMemberLeftEvent left(String staffId) {
        return new StaffMemberLeftEvent("school-a", staffId, LEAVING, Instant.parse("2026-11-21T10:15:30Z"));
    }

    private StaffMemberLeftEvent notice(String schoolId, LocalDate leavingDate) {
        return new StaffMemberLeftEvent(schoolId, "staff-1", leavingDate, fixture.currentTime());
    }

    @Test
    void acc7_aLeaverIsCheckedOnEveryAccountTheyAdministerAndAHandoverGetsADeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(left("staff-1"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RecordAdministratorLeftCommand(new AccountId("acc-1"), "school-a", "staff-1", LEAVING),
                        new RecordAdministratorLeftCommand(new AccountId("acc-2"), "school-a", "staff-1", LEAVING))
                .expectScheduledDeadlineWithName(due, HandoverSaga.OVERDUE);
    }

    @Test
    void acc7_aLeaverWhoAdministersNothingEndsTheProcessAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(left("staff-9"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void acc7_anOverdueHandoverEscalatesToSlt() {
        fixture.givenAPublished(left("staff-1"))
                .whenTimeElapses(DUE_IN.plusSeconds(1))
                .expectDeadlinesMet(new HandoverDeadline("acc-1", "ho-1"))
                .expectDispatchedCommands(new EscalateHandoverCommand(new AccountId("acc-1"), "ho-1"));
    }

    @Test
    void acc7_nothingEscalatesBeforeTheDueTime() {
        fixture.givenAPublished(left("staff-1"))
                .whenTimeAdvancesTo(due.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void acc7_aCompletedHandoverCancelsItsDeadlineAndEndsTheProcess() {
        fixture.givenAPublished(left("staff-1"))
                .whenPublishingA(new HandoverCompletedEvent("acc-1", "school-a", "ho-1", "TRANSFERRED", "staff-5",
                        Instant.parse("2026-11-22T10:00:00Z"), 1, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    /** ACC-7: notice opens the handover at once, due when the leaving date ends; the leaver departs then. */
    @Test
    void acc7_noticeOpensTheHandoverDueWhenTheLeavingDateEnds() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(notice("school-a", notice))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RecordAdministratorLeftCommand(new AccountId("acc-1"), "school-a", "staff-1", notice),
                        new RecordAdministratorLeftCommand(new AccountId("acc-2"), "school-a", "staff-1", notice))
                .expectScheduledDeadline(noticeEnds, new HandoverDeadline("acc-1", "ho-1"))
                .expectScheduledDeadline(noticeEnds, new Departure("school-a", "staff-1", notice));
    }

    /**
     * ACC-7: nothing escalates during the notice, not even on the leaving date itself; once it ends the
     * handover escalates and every account the leaver still runs is told they have gone.
     */
    @Test
    void acc7_aHandoverOpenedAtNoticeEscalatesOnlyOnceTheLeavingDateHasEnded() {
        fixture.givenAPublished(notice("school-a", notice))
                .whenTimeAdvancesTo(noticeEnds.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        fixture.givenAPublished(notice("school-a", notice))
                .whenTimeAdvancesTo(noticeEnds.plusSeconds(1))
                .expectDeadlinesMet(new HandoverDeadline("acc-1", "ho-1"), new Departure("school-a", "staff-1", notice))
                .expectDispatchedCommands(new EscalateHandoverCommand(new AccountId("acc-1"), "ho-1"),
                        new RecordAdministratorLeftCommand(new AccountId("acc-1"), "school-a", "staff-1", notice),
                        new RecordAdministratorLeftCommand(new AccountId("acc-2"), "school-a", "staff-1", notice))
                .expectActiveSagas(1);
    }

    /** ACC-7: a moved leaving date moves the handover's due time and the departure with it. */
    @Test
    void acc7_aMovedLeavingDateReschedulesTheHandoverAndTheDeparture() {
        fixture.givenAPublished(notice("school-a", notice))
                .whenPublishingA(notice("school-a", later))
                .expectDispatchedCommands(new RescheduleHandoverCommand(new AccountId("acc-1"), "ho-1", later))
                .expectScheduledDeadline(laterEnds, new HandoverDeadline("acc-1", "ho-1"))
                .expectScheduledDeadline(laterEnds, new Departure("school-a", "staff-1", later))
                .expectNoScheduledDeadlineWithName(noticeEnds, HandoverSaga.OVERDUE)
                .expectNoScheduledDeadlineWithName(noticeEnds, HandoverSaga.DEPARTED);
        fixture.givenAPublished(notice("school-a", notice))
                .whenPublishingA(notice("school-a", notice))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(noticeEnds, HandoverSaga.OVERDUE);
    }

    /** ACC-7: a withdrawn notice (the leaver is staying) cancels the handover and ends the process. */
    @Test
    void acc7_aWithdrawnNoticeCancelsTheHandoverAndEndsTheProcess() {
        fixture.givenAPublished(notice("school-a", notice))
                .whenPublishingA(new StaffLeavingWithdrawnEvent("school-a", "staff-1", notice, fixture.currentTime()))
                .expectDispatchedCommands(new CancelHandoverCommand(new AccountId("acc-1"), "ho-1"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    /** Staff ids are only unique within a school: the same id in another school is another leaver. */
    @Test
    void acc7_theSameStaffIdInAnotherSchoolIsAnotherLeaver() {
        fixture.givenAPublished(notice("school-a", notice))
                .whenPublishingA(notice("school-b", later))
                .expectActiveSagas(2)
                .expectScheduledDeadline(noticeEnds, new Departure("school-a", "staff-1", notice))
                .expectScheduledDeadline(laterEnds, new Departure("school-b", "staff-1", later));
    }
}
