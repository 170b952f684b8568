package uk.schoolsocial.account.application.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.StaffName;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationRejectedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.events.account.NameClashAcceptedEvent;
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

    /** Current staff-2, staff-3 (Jane Smith, see STAFF_NAMES), vol-1; everyone else is unknown or has left. */
    private static final StaffDirectory ROSTER = new StaffDirectory() {
        private final java.util.Set<String> eligible = java.util.Set.of("staff-1", "staff-2", "staff-3", "vol-1");

        @Override
        public java.util.Set<String> notEligibleAdministrators(String schoolId, java.util.Collection<String> ids) {
            return ids.stream().filter(id -> !eligible.contains(id)).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public List<StaffName> currentStaffNames(String schoolId) {
            return STAFF_NAMES;
        }
    };

    /** ACC-3: staff-3 Jane Smith, and staff whose surnames are also words or places. */
    private static final List<StaffName> STAFF_NAMES = List.of(new StaffName("Jane", "Smith"),
            new StaffName("Tom", "Stevenson"), new StaffName("Sam", "Reed"), new StaffName("Anne", "Hill"),
            new StaffName("Emma", "Green"), new StaffName("Wei", "Li"));

    private static SubmitApplicationCommand submit(List<String> administrators) {
        return new SubmitApplicationCommand(ID, new ProposedCase("school-a", "staff-1", AccountPlatform.INSTAGRAM,
                "Oakfield PE", "oakfield_pe", "Share fixtures", "Parents", "Newsletter", administrators,
                AccountPrivacy.PRIVATE, "Approved followers only", false, List.of()));
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
                .when(new SubmitApplicationCommand(ID, new ProposedCase("school-a", "staff-1", null, " ", null, "",
                        "Parents", null, List.of("staff-2"), null, "", false, List.of())))
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
        return new ResubmitApplicationCommand(ID, new ProposedCase("school-a", actor, AccountPlatform.INSTAGRAM, name,
                "oakfield_pe", "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"),
                AccountPrivacy.PRIVATE, "Approved followers only", false, List.of()), null);
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
                        + "administrators staff-left is not a current member of staff or a registered volunteer, "
                        + "administrators stranger is not a current member of staff or a registered volunteer]");
    }

    @Test
    void acc3_aDisplayNameContainingAStaffNameIsRefusedNamingTheClash() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplicationCommand(ID, new ProposedCase("school-a", "staff-1", AccountPlatform.X,
                        "Mrs JANE-Smith's Class", "jane.smith_pe", "Share work", "Parents", "Newsletter",
                        List.of("staff-2", "staff-3"), AccountPrivacy.OPEN, "Public celebration", false, List.of())))
                .expectNoEvents()
                .expectExceptionMessage("The application breaks roster rules: ["
                        + "proposedName contains the name of a member of staff, "
                        + "proposedHandle contains the name of a member of staff]")
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedName: contains the name of a member of staff: Jane Smith",
                        "proposedHandle: contains the name of a member of staff: Jane Smith"));
    }

    @Test
    void acc3_aResubmissionIsCheckedForStaffNamesToo() {
        fixture.given(submitted(), rejected())
                .when(resubmit("staff-1", "Jane Smith PE"))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    private static SubmitApplicationCommand propose(String actor, boolean slt, String name, String handle,
                                                    NameClashAcceptance... acceptances) {
        return new SubmitApplicationCommand(ID, new ProposedCase("school-a", actor, AccountPlatform.INSTAGRAM, name,
                handle, "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"), AccountPrivacy.PRIVATE,
                "Approved followers only", slt, List.of(acceptances)));
    }

    private static ApplicationSubmittedEvent submitted(String actor, String name, String handle) {
        return new ApplicationSubmittedEvent("app-1", "school-a", actor, 1, AccountPlatform.INSTAGRAM, name, handle,
                "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"), AccountPrivacy.PRIVATE,
                "Approved followers only", NOW);
    }

    /** The refusal's code and its errors as {@code field: message}, in order. */
    private static Matcher<DomainException> refusal(ApplicationError code, String... errors) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return refusal.code() == code && refusal.errors().stream()
                        .map(error -> error.field() + ": " + error.message()).toList().equals(List.of(errors));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(code + " with errors ").appendValueList("[", ", ", "]", errors);
            }
        };
    }

    @Test
    void acc3_aSurnameInTheHandleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Oakfield PE", "StevensonPE"))
                .expectNoEvents()
                .expectExceptionMessage("The application breaks roster rules: ["
                        + "proposedHandle contains the surname of a member of staff]")
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedHandle: contains the surname of a member of staff: Stevenson"));
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Oakfield PE", "mr_stevenson"))
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedHandle: contains the surname of a member of staff: Stevenson"));
    }

    @Test
    void acc3_aSurnameAloneInTheDisplayNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Reed Club", "oakfield_readers"))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedName: contains the surname of a member of staff: Reed"));
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Mr STEVENSON's PE", "oakfield_pe"))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedName: contains the surname of a member of staff: Stevenson"));
    }

    @Test
    void acc3_aSurnameInsideAnotherWordOfTheDisplayNameOrAShortOneInsideAHandleIsNoClash() {
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Chill Club", "english_club"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Li Dance Troupe", "oakfield_dance"))
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedName: contains the surname of a member of staff: Li"));
    }

    @Test
    void acc3_sltAcceptsASurnameClashWithAReasonAndItIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(propose("slt-1", true, "Hill Top Club", "hilltop_club",
                        new NameClashAcceptance(" hill ", " The school stands on Hill Top Road ")))
                .expectEvents(submitted("slt-1", "Hill Top Club", "hilltop_club"),
                        new NameClashAcceptedEvent("app-1", "school-a", "hill", "The school stands on Hill Top Road",
                                "slt-1", NOW));
    }

    @Test
    void acc3_onlySltMayAcceptAClash() {
        fixture.givenNoPriorActivity()
                .when(propose("staff-1", false, "Hill Top Club", "hilltop_club",
                        new NameClashAcceptance("Hill", "A place")))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.NAME_CLASH_ACCEPTANCE_NOT_ALLOWED));
    }

    @Test
    void acc3_anAcceptanceNeedsAWordAndAReasonWithinBounds() {
        fixture.givenNoPriorActivity()
                .when(propose("slt-1", true, "Hill Top Club", "hilltop_club", new NameClashAcceptance("Hill", "  "),
                        new NameClashAcceptance(" ", "x".repeat(2001))))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.INVALID_NAME_CLASH_ACCEPTANCE,
                        "nameClashAcceptances[0].reason: must not be blank",
                        "nameClashAcceptances[1].word: must not be blank",
                        "nameClashAcceptances[1].reason: must be at most 2000 characters"));
    }

    @Test
    void acc3_acceptingAWordThatIsNotTheClashLetsNoClashThrough() {
        fixture.givenNoPriorActivity()
                .when(propose("slt-1", true, "Hill Top Club", "oakfield_top", new NameClashAcceptance("Green", "A colour")))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "nameClashAcceptances[0].word: is not a staff surname that the proposed name or handle contains: Green",
                        "proposedName: contains the surname of a member of staff: Hill"));
        fixture.givenNoPriorActivity()
                .when(propose("slt-1", true, "Hill and Green Gardeners", "oakfield_gardens",
                        new NameClashAcceptance("Green", "A colour")))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedName: contains the surname of a member of staff: Hill"));
    }

    @Test
    void acc3_aFullNameIsNeverAcceptedAsAWord() {
        fixture.givenNoPriorActivity()
                .when(propose("slt-1", true, "Anne Hill Gardeners", "oakfield_gardens",
                        new NameClashAcceptance("Hill", "A place")))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "nameClashAcceptances[0].word: is not a staff surname that the proposed name or handle contains: Hill",
                        "proposedName: contains the name of a member of staff: Anne Hill"));
    }

    @Test
    void acc3_aWordAcceptedForTheApplicationHoldsForItsLaterRevisions() {
        fixture.given(submitted("slt-1", "Hill Top Club", "oakfield_pe"),
                        new NameClashAcceptedEvent("app-1", "school-a", "Hill", "A place", "slt-1", NOW),
                        new ApplicationRejectedEvent("app-1", "school-a", "slt-2", "Say who it is for", NOW))
                .when(resubmit("slt-1", "Hill Top Club Years 5 and 6"))
                .expectSuccessfulHandlerExecution();
        fixture.given(submitted("slt-1", "Hill Top Club", "oakfield_pe"),
                        new NameClashAcceptedEvent("app-1", "school-a", "Hill", "A place", "slt-1", NOW),
                        new ApplicationRejectedEvent("app-1", "school-a", "slt-2", "Say who it is for", NOW))
                .when(resubmit("slt-1", "Hill and Green Club"))
                .expectNoEvents()
                .expectException(refusal(ApplicationError.ROSTER_RULE_BROKEN,
                        "proposedName: contains the surname of a member of staff: Green"));
    }
}
