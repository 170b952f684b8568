package uk.schoolsocial.account.roster.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.events.account.StaffMemberRosteredEvent;
import uk.schoolsocial.events.account.VolunteerRegisteredEvent;
import uk.schoolsocial.platform.error.DomainException;

class StaffRosterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final RosterId ROSTER = new RosterId("school-a");
    private static final LocalDate LEAVING = LocalDate.parse("2026-12-19");
    /** A leaving date that ended the day before NOW. */
    private static final LocalDate LEFT = LocalDate.parse("2026-11-20");
    private static final LeavingDates LONDON = new LeavingDates(ZoneId.of("Europe/London"));
    private AggregateTestFixture<StaffRoster> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffRoster.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(LONDON);
    }

    private static StaffRecord jane() {
        return new StaffRecord("staff-1", "Jane", "Smith", null);
    }

    private static StaffMemberRosteredEvent janeRostered() {
        return new StaffMemberRosteredEvent("school-a", "staff-1", "Jane", "Smith", "MIS", NOW);
    }

    @Test
    void int1_aFirstPushRostersEveryone() {
        fixture.givenNoPriorActivity()
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane(), new StaffRecord("staff-2", "Omar", "Khan", null))))
                .expectEvents(janeRostered(), new StaffMemberRosteredEvent("school-a", "staff-2", "Omar", "Khan", "MIS", NOW))
                .expectResultMessagePayload(new SyncResult(2, 0, 0, 0));
    }

    @Test
    void int1_theSamePayloadTwiceAddsNoEvent() {
        fixture.given(janeRostered())
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane())))
                .expectNoEvents()
                .expectResultMessagePayload(new SyncResult(0, 0, 0, 1));
    }

    @Test
    void int1_aRenameIsRecorded() {
        fixture.given(janeRostered())
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-1", "Jane", "Smith-Jones", null))))
                .expectEvents(new StaffMemberRosteredEvent("school-a", "staff-1", "Jane", "Smith-Jones", "MIS", NOW))
                .expectResultMessagePayload(new SyncResult(0, 1, 0, 0));
    }

    @Test
    void acc7_aMemberMissingFromAPushIsNotALeaver() {
        fixture.given(janeRostered())
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-2", "Omar", "Khan", null))))
                .expectEvents(new StaffMemberRosteredEvent("school-a", "staff-2", "Omar", "Khan", "MIS", NOW));
    }

    @Test
    void acc7_aRecordWithALeavingDateIsALeaverOnce() {
        fixture.given(janeRostered())
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-1", "Jane", "Smith", LEAVING))))
                .expectEvents(new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .expectResultMessagePayload(new SyncResult(0, 0, 1, 0));
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-1", "Jane", "Smith", LEAVING))))
                .expectNoEvents();
    }

    @Test
    void acc7_aStaleMisRecordDoesNotBringALeaverBack() {
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEFT, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane())))
                .expectNoEvents()
                .expectResultMessagePayload(new SyncResult(0, 0, 0, 1));
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEFT, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-1", "Jane", "Smith", LEAVING))))
                .expectNoEvents();
    }

    /** ACC-7: while the leaving date is to come, the MIS may move it. */
    @Test
    void acc7_theMisMovesALeavingDateDuringTheNotice() {
        LocalDate later = LEAVING.plusWeeks(3);
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-1", "Jane", "Smith", later))))
                .expectEvents(new StaffMemberLeftEvent("school-a", "staff-1", later, NOW))
                .expectResultMessagePayload(new SyncResult(0, 1, 0, 0));
    }

    /** ACC-7: a record without the leaving date the MIS sent before: the member is staying. */
    @Test
    void acc7_theMisWithdrawsALeavingDateDuringTheNotice() {
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane())))
                .expectEvents(new StaffLeavingWithdrawnEvent("school-a", "staff-1", LEAVING, NOW))
                .expectResultMessagePayload(new SyncResult(0, 1, 0, 0));
    }

    /** ACC-7: a leaving date of today has not passed: the member is still on notice, so it can still be withdrawn. */
    @Test
    void acc7_aLeavingDateOfTodayIsStillNotice() {
        LocalDate today = LocalDate.parse("2026-11-21");
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", today, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane())))
                .expectEvents(new StaffLeavingWithdrawnEvent("school-a", "staff-1", today, NOW));
    }

    /** ACC-7: the leaving date ends at midnight in London, not UTC (here 00:30 BST on the next day). */
    @Test
    void acc7_theLeavingDateEndsOnTheSchoolsCalendar() {
        Instant afterMidnightInLondon = Instant.parse("2027-07-21T23:30:00Z");
        AggregateTestFixture<StaffRoster> summer = new AggregateTestFixture<>(StaffRoster.class);
        summer.registerInjectableResource(Clock.fixed(afterMidnightInLondon, ZoneOffset.UTC));
        summer.registerInjectableResource(LONDON);
        summer.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LocalDate.parse("2027-07-21"), NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane())))
                .expectNoEvents();
    }

    /** ACC-7: a rename during the notice states the member afresh, so their leaving date is stated again. */
    @Test
    void acc7_aRenameDuringTheNoticeKeepsTheLeavingDate() {
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(new StaffRecord("staff-1", "Jane", "Smith-Jones",
                        LEAVING))))
                .expectEvents(new StaffMemberRosteredEvent("school-a", "staff-1", "Jane", "Smith-Jones", "MIS", NOW),
                        new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .expectResultMessagePayload(new SyncResult(0, 1, 0, 0));
    }

    @Test
    void acc7_aLeaverIsRecordedByHand() {
        fixture.given(janeRostered())
                .when(new CorrectStaffMemberCommand(ROSTER, new StaffRecord("staff-1", "Jane", "Smith", LEAVING)))
                .expectEvents(new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW));
    }

    @Test
    void int1_aCorrectionByHandBringsBackALeaverWhoseDateHasEnded() {
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEFT, NOW))
                .when(new CorrectStaffMemberCommand(ROSTER, jane()))
                .expectEvents(new StaffMemberRosteredEvent("school-a", "staff-1", "Jane", "Smith", "HAND", NOW));
    }

    /** ACC-7: by hand, a notice is withdrawn (the member is staying) or its date moved. */
    @Test
    void acc7_aCorrectionByHandWithdrawsOrMovesANotice() {
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new CorrectStaffMemberCommand(ROSTER, jane()))
                .expectEvents(new StaffLeavingWithdrawnEvent("school-a", "staff-1", LEAVING, NOW));
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new CorrectStaffMemberCommand(ROSTER, new StaffRecord("staff-1", "Jane", "Smith", LEFT)))
                .expectEvents(new StaffMemberLeftEvent("school-a", "staff-1", LEFT, NOW));
    }

    @Test
    void int1_aCorrectionThatChangesNothingAddsNoEvent() {
        fixture.given(janeRostered())
                .when(new CorrectStaffMemberCommand(ROSTER, jane()))
                .expectNoEvents();
    }

    @Test
    void int1_everyBadRecordIsNamed() {
        fixture.givenNoPriorActivity()
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane(), new StaffRecord("staff-1", " ", "Smith", null),
                        new StaffRecord("", "A", null, null))))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("Invalid staff records: "
                        + "[records[1].staffId, records[1].forename, records[2].staffId, records[2].surname]");
    }

    @Test
    void acc1_aVolunteerIsRegisteredOnce() {
        VolunteerRegisteredEvent registered = new VolunteerRegisteredEvent("school-a", "vol-1", "Sam", "Patel", NOW);
        fixture.givenNoPriorActivity()
                .when(new RegisterVolunteerCommand(ROSTER, "vol-1", "Sam", "Patel"))
                .expectEvents(registered);
        fixture.given(registered)
                .when(new RegisterVolunteerCommand(ROSTER, "vol-1", "Sam", "Patel"))
                .expectNoEvents();
    }

    @Test
    void acc1_aVolunteerCannotTakeAStaffId() {
        fixture.given(janeRostered())
                .when(new RegisterVolunteerCommand(ROSTER, "staff-1", "Sam", "Patel"))
                .expectNoEvents()
                .expectExceptionMessage("Id staff-1 is a member of staff's");
    }

    @Test
    void acc7_aVolunteerLeavesByHand() {
        fixture.given(new VolunteerRegisteredEvent("school-a", "vol-1", "Sam", "Patel", NOW))
                .when(new CorrectStaffMemberCommand(ROSTER, new StaffRecord("vol-1", "Sam", "Patel", LEAVING)))
                .expectEvents(new StaffMemberLeftEvent("school-a", "vol-1", LEAVING, NOW));
    }
}
