package uk.schoolsocial.account.application.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.roster.command.StaffDirectory;
import uk.schoolsocial.account.roster.command.StaffNames;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationRejectedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.platform.error.DomainException;

class AccountApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final ApplicationId ID = new ApplicationId("app-1");
    private AggregateTestFixture<AccountApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountApplication.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(ROSTER);
    }

    /** Current staff-2, staff-3 (Jane Smith), vol-1; everyone else is unknown or has left. */
    private static final StaffDirectory ROSTER = new StaffDirectory() {
        private final java.util.Set<String> eligible = java.util.Set.of("staff-1", "staff-2", "staff-3", "vol-1");

        @Override
        public java.util.Set<String> notEligibleAdministrators(String schoolId, java.util.Collection<String> ids) {
            return ids.stream().filter(id -> !eligible.contains(id)).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public java.util.Optional<String> staffNameIn(String schoolId, String text) {
            return StaffNames.normalise(text).contains("janesmith") ? java.util.Optional.of("Jane Smith")
                    : java.util.Optional.empty();
        }
    };

    private static SubmitApplicationCommand submit(List<String> administrators) {
        return new SubmitApplicationCommand(ID, "school-a", "staff-1", AccountPlatform.INSTAGRAM, "Oakfield PE",
                "oakfield_pe", "Share fixtures", "Parents", "Newsletter", administrators, AccountPrivacy.PRIVATE,
                "Approved followers only");
    }

    private static ApplicationSubmittedEvent submitted() {
        return new ApplicationSubmittedEvent("app-1", "school-a", "staff-1", 1, AccountPlatform.INSTAGRAM, "Oakfield PE",
                "oakfield_pe", "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"),
                AccountPrivacy.PRIVATE, "Approved followers only", NOW);
    }

    @Test
    void acc1_aCompleteBusinessCaseIsSubmittedAsRevisionOne() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of("staff-2", "staff-3")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void acc1_anIncompleteCaseIsRefusedNamingEveryMissingField() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplicationCommand(ID, "school-a", "staff-1", null, " ", null, "", "Parents", null,
                        List.of("staff-2"), null, ""))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The business case is incomplete: "
                        + "[platform, proposedName, aim, promotion, privacy, privacyReason, administrators]");
    }

    @Test
    void acc1_theSameAdministratorTwiceDoesNotCountAsTwo() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of("staff-2", "staff-2")))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void acc2_theApplicantCanWithdrawBeforeADecision() {
        fixture.given(submitted())
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-1", "Using the main account", null))
                .expectEvents(new ApplicationWithdrawnEvent("app-1", "school-a", "Using the main account", NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void acc2_onlyTheApplicantCanWithdraw() {
        fixture.given(submitted())
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-9", "Not mine", null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("Only the applicant can withdraw an application");
    }

    @Test
    void acc2_aWithdrawnApplicationCannotBeWithdrawnAgain() {
        fixture.given(submitted(), new ApplicationWithdrawnEvent("app-1", "school-a", "first", NOW))
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-1", "again", null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void anotherSchoolCannotTouchTheApplication() {
        fixture.given(submitted())
                .when(new WithdrawApplicationCommand(ID, "school-b", "staff-1", "Not our school", null))
                .expectNoEvents()
                .expectExceptionMessage("No such application");
    }

    private static ApplicationRejectedEvent rejected() {
        return new ApplicationRejectedEvent("app-1", "school-a", "slt-1", "Name the department", NOW);
    }

    private static ResubmitApplicationCommand resubmit(String actor, String name) {
        return new ResubmitApplicationCommand(ID, "school-a", actor, AccountPlatform.INSTAGRAM, name, "oakfield_pe",
                "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"), AccountPrivacy.PRIVATE,
                "Approved followers only", null);
    }

    @Test
    void acc2_sltApprovesWithAReason() {
        fixture.given(submitted())
                .when(new ApproveApplicationCommand(ID, "school-a", "slt-1", " Clear aim ", null))
                .expectEvents(new ApplicationApprovedEvent("app-1", "school-a", "slt-1", "Clear aim", NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void acc2_sltRejectsWithAReason() {
        fixture.given(submitted())
                .when(new RejectApplicationCommand(ID, "school-a", "slt-1", "Name the department", null))
                .expectEvents(rejected());
    }

    @Test
    void acc2_aDecisionWithoutAReasonIsRefused() {
        fixture.given(submitted())
                .when(new RejectApplicationCommand(ID, "school-a", "slt-1", "  ", null))
                .expectNoEvents()
                .expectExceptionMessage("A decision needs a reason");
    }

    @Test
    void acc2_cannotApproveOwnApplication() {
        fixture.given(submitted())
                .when(new ApproveApplicationCommand(ID, "school-a", "staff-1", "Looks fine to me", null))
                .expectNoEvents()
                .expectExceptionMessage("No one decides their own application");
    }

    @Test
    void acc2_cannotRejectOwnApplication() {
        fixture.given(submitted())
                .when(new RejectApplicationCommand(ID, "school-a", "staff-1", "Changed my mind", null))
                .expectNoEvents()
                .expectExceptionMessage("No one decides their own application");
    }

    @Test
    void acc2_aDecidedApplicationCannotBeDecidedAgain() {
        fixture.given(submitted(), rejected())
                .when(new ApproveApplicationCommand(ID, "school-a", "slt-2", "Overrule", null))
                .expectNoEvents()
                .expectExceptionMessage("The application is no longer open");
    }

    @Test
    void acc2_aWithdrawnApplicationCannotBeDecided() {
        fixture.given(submitted(), new ApplicationWithdrawnEvent("app-1", "school-a", "first", NOW))
                .when(new ApproveApplicationCommand(ID, "school-a", "slt-1", "Too late", null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void acc2_aDecidedApplicationCannotBeWithdrawn() {
        fixture.given(submitted(), new ApplicationApprovedEvent("app-1", "school-a", "slt-1", "ok", NOW))
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-1", "no longer needed", null))
                .expectNoEvents()
                .expectExceptionMessage("The application is no longer open");
    }

    @Test
    void acc2_aRejectedApplicationIsResubmittedAsTheNextRevision() {
        fixture.given(submitted(), rejected())
                .when(resubmit("staff-1", "Oakfield PE Department"))
                .expectEvents(new ApplicationSubmittedEvent("app-1", "school-a", "staff-1", 2, AccountPlatform.INSTAGRAM,
                        "Oakfield PE Department", "oakfield_pe", "Share fixtures", "Parents", "Newsletter",
                        List.of("staff-2", "staff-3"), AccountPrivacy.PRIVATE, "Approved followers only", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void acc2_aResubmittedRevisionCanBeDecidedAgain() {
        fixture.given(submitted(), rejected(), new ApplicationSubmittedEvent("app-1", "school-a", "staff-1", 2,
                        AccountPlatform.INSTAGRAM, "Oakfield PE", null, "a", "b", "c", List.of("staff-2", "staff-3"),
                        AccountPrivacy.OPEN, "d", NOW))
                .when(new ApproveApplicationCommand(ID, "school-a", "slt-1", "Better", null))
                .expectEvents(new ApplicationApprovedEvent("app-1", "school-a", "slt-1", "Better", NOW));
    }

    @Test
    void acc2_onlyARejectedApplicationCanBeResubmitted() {
        fixture.given(submitted())
                .when(resubmit("staff-1", "Oakfield PE"))
                .expectNoEvents()
                .expectExceptionMessage("Only a rejected application can be resubmitted");
    }

    @Test
    void acc2_onlyTheApplicantCanResubmit() {
        fixture.given(submitted(), rejected())
                .when(resubmit("staff-9", "Oakfield PE"))
                .expectNoEvents()
                .expectExceptionMessage("Only the applicant can resubmit an application");
    }

    @Test
    void acc1_aResubmissionIsCheckedLikeASubmission() {
        fixture.given(submitted(), rejected())
                .when(resubmit("staff-1", " "))
                .expectNoEvents()
                .expectExceptionMessage("The business case is incomplete: [proposedName]");
    }

    @Test
    void acc1_administratorsMustBeCurrentStaffOrRegisteredVolunteers() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of("staff-2", "vol-1")))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(submit(List.of("staff-2", "staff-left", "stranger")))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The application breaks roster rules: ["
                        + "staff-left is not a current member of staff or a registered volunteer, "
                        + "stranger is not a current member of staff or a registered volunteer]");
    }

    @Test
    void acc3_aDisplayNameContainingAStaffNameIsRefusedNamingTheClash() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplicationCommand(ID, "school-a", "staff-1", AccountPlatform.X, "Mrs JANE-Smith's Class",
                        "jane.smith_pe", "Share work", "Parents", "Newsletter", List.of("staff-2", "staff-3"),
                        AccountPrivacy.OPEN, "Public celebration"))
                .expectNoEvents()
                .expectExceptionMessage("The application breaks roster rules: ["
                        + "contains the name of a member of staff: Jane Smith, "
                        + "contains the name of a member of staff: Jane Smith]");
    }

    @Test
    void acc3_aResubmissionIsCheckedForStaffNamesToo() {
        fixture.given(submitted(), rejected())
                .when(resubmit("staff-1", "Jane Smith PE"))
                .expectNoEvents()
                .expectException(DomainException.class);
    }
}
