package uk.schoolsocial.account.roster.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.events.account.StaffMemberRosteredEvent;
import uk.schoolsocial.events.account.VolunteerRegisteredEvent;
import uk.schoolsocial.platform.error.DomainException;

class StaffRosterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final RosterId ROSTER = new RosterId("school-a");
    private static final LocalDate LEAVING = LocalDate.parse("2026-12-19");
    private AggregateTestFixture<StaffRoster> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffRoster.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
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
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new SyncStaffRosterCommand(ROSTER, List.of(jane())))
                .expectNoEvents();
    }

    @Test
    void acc7_aLeaverIsRecordedByHand() {
        fixture.given(janeRostered())
                .when(new CorrectStaffMemberCommand(ROSTER, new StaffRecord("staff-1", "Jane", "Smith", LEAVING)))
                .expectEvents(new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW));
    }

    @Test
    void int1_aCorrectionByHandBringsBackAMistakenLeaver() {
        fixture.given(janeRostered(), new StaffMemberLeftEvent("school-a", "staff-1", LEAVING, NOW))
                .when(new CorrectStaffMemberCommand(ROSTER, jane()))
                .expectEvents(new StaffMemberRosteredEvent("school-a", "staff-1", "Jane", "Smith", "HAND", NOW));
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
