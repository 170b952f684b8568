package uk.schoolsocial.account.official.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.official.command.ChangeAccountStatusCommand.Change;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.StaffName;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountFlaggedEvent;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountReviewedEvent;
import uk.schoolsocial.events.account.AccountSettingsAgreedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.AdministratorLeftEvent;
import uk.schoolsocial.events.account.AdministratorTrainedEvent;
import uk.schoolsocial.events.account.CredentialsRevealedEvent;
import uk.schoolsocial.events.account.CredentialsRotatedEvent;
import uk.schoolsocial.events.account.HandoverCancelledEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.HandoverRescheduledEvent;
import uk.schoolsocial.events.account.PolicyAcknowledgedEvent;
import uk.schoolsocial.platform.error.DomainException;

class OfficialAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final LeavingDates LONDON = new LeavingDates(java.time.ZoneId.of("Europe/London"));
    private static final AccountId ID = new AccountId("acc-1");
    private static final List<String> ADMINS = List.of("staff-2", "staff-3");
    private AggregateTestFixture<OfficialAccount> fixture;
    private final StubApplications applications = new StubApplications();
    private final java.util.Map<String, CredentialVault.Credentials> stored = new java.util.HashMap<>();
    private final CredentialVault vault = new CredentialVault() {
        @Override
        public void store(String accountId, Credentials credentials) {
            stored.put(accountId, credentials);
        }

        @Override
        public Optional<Credentials> reveal(String accountId) {
            return Optional.ofNullable(stored.get(accountId));
        }
    };

    /**
     * app-approved is approved; app-hill too, with Hill accepted (ACC-3); app-open is not; app-done
     * is provisioned already. Policy version 1.
     */
    private static final class StubApplications implements ApprovedApplications {
        @Override
        public Optional<Approval> find(String schoolId, String applicationId) {
            if (!"school-a".equals(schoolId)) {
                return Optional.empty();
            }
            return switch (applicationId) {
                case "app-approved" -> Optional.of(new Approval(true, false, AccountPlatform.INSTAGRAM, ADMINS,
                        AccountPrivacy.PRIVATE, Set.of()));
                case "app-hill" -> Optional.of(new Approval(true, false, AccountPlatform.INSTAGRAM, ADMINS,
                        AccountPrivacy.PRIVATE, Set.of("Hill")));
                case "app-open" -> Optional.of(new Approval(false, false, AccountPlatform.INSTAGRAM, ADMINS,
                        AccountPrivacy.PRIVATE, Set.of()));
                case "app-done" -> Optional.of(new Approval(true, true, AccountPlatform.INSTAGRAM, ADMINS,
                        AccountPrivacy.PRIVATE, Set.of()));
                default -> Optional.empty();
            };
        }

        @Override
        public int currentPolicyVersion(String schoolId) {
            return 1;
        }
    }

    /** staff-2 to staff-6 current; Jane Smith, Anne Hill and Tom Stevenson on staff. */
    private static final StaffDirectory ROSTER = new StaffDirectory() {
        @Override
        public Set<String> notEligibleAdministrators(String schoolId, Collection<String> ids) {
            return ids.stream().filter(id -> !Set.of("staff-2", "staff-3", "staff-4", "staff-5", "staff-6").contains(id))
                    .collect(Collectors.toSet());
        }

        @Override
        public List<StaffName> currentStaffNames(String schoolId) {
            return List.of(new StaffName("Jane", "Smith"), new StaffName("Anne", "Hill"), new StaffName("Tom", "Stevenson"));
        }
    };

    /**
     * ACC-5 records across the school's accounts: staff-4 acknowledged version 1 and trained;
     * staff-5 neither; staff-6 trained but acknowledged nothing.
     */
    private static final StaffFitness FITNESS = (schoolId, staffId) -> switch (staffId) {
        case "staff-4" -> new StaffFitness.Record(1, true);
        case "staff-6" -> new StaffFitness.Record(0, true);
        default -> StaffFitness.Record.NONE;
    };

    @BeforeEach
    void setUp() {
        fixture = fixture(AccountRules.DEFAULT);
    }

    private AggregateTestFixture<OfficialAccount> fixture(AccountRules rules) {
        AggregateTestFixture<OfficialAccount> created = new AggregateTestFixture<>(OfficialAccount.class);
        created.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        created.registerInjectableResource(applications);
        created.registerInjectableResource(ROSTER);
        created.registerInjectableResource(rules);
        created.registerInjectableResource(vault);
        created.registerInjectableResource(FITNESS);
        created.registerInjectableResource(LONDON);
        return created;
    }

    private static ProvisionAccountCommand provision(String applicationId, String handle, List<String> posters) {
        return new ProvisionAccountCommand(ID, "school-a", applicationId, handle, "Oakfield PE", posters, true, true,
                "https://oakfield.sch.uk/aup");
    }

    private static AccountProvisionedEvent provisioned() {
        return new AccountProvisionedEvent("acc-1", "school-a", "app-approved", AccountPlatform.INSTAGRAM, "oakfield_pe",
                "Oakfield PE", ADMINS, AccountPrivacy.PRIVATE, "https://oakfield.sch.uk/aup", NOW);
    }

    private static AccountSettingsAgreedEvent settings() {
        return new AccountSettingsAgreedEvent("acc-1", "school-a", ADMINS, true, true, 1, LocalDate.parse("2027-11-21"), NOW);
    }

    private static Object[] live() {
        return new Object[]{provisioned(), settings(),
                new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-2", 1, NOW),
                new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-3", 1, NOW),
                new AdministratorTrainedEvent("acc-1", "school-a", "staff-2", "slt-1", NOW),
                new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW),
                new AccountWentLiveEvent("acc-1", "school-a", NOW)};
    }

    @Test
    void acc4_anApprovedApplicationIsProvisionedWithItsSettingsAndAupLink() {
        fixture.givenNoPriorActivity()
                .when(provision("app-approved", "oakfield_pe", ADMINS))
                .expectEvents(provisioned(), settings());
    }

    @Test
    void acc4_onlyAnApprovedApplicationCanBeProvisioned() {
        fixture.givenNoPriorActivity()
                .when(provision("app-open", "oakfield_pe", ADMINS))
                .expectNoEvents()
                .expectExceptionMessage("Only an approved application can be provisioned");
    }

    @Test
    void acc4_anApplicationIsProvisionedOnlyOnce() {
        fixture.givenNoPriorActivity()
                .when(provision("app-done", "oakfield_pe", ADMINS))
                .expectNoEvents()
                .expectExceptionMessage("The application's account is already provisioned");
    }

    @Test
    void acc4_missingSettingsAreAllNamed() {
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, "school-a", "app-approved", " ", null, List.of(), true, true,
                        "ftp://x"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The provisioning is incomplete: [handle, displayName, whoMayPost, aupLink]");
    }

    @Test
    void acc3_aHandleContainingAStaffNameIsRefusedAtProvisioning() {
        fixture.givenNoPriorActivity()
                .when(provision("app-approved", "Jane_Smith", List.of("staff-2", "someone-else")))
                .expectNoEvents()
                .expectExceptionMessage("The provisioning breaks account rules: ["
                        + "whoMayPost someone-else is not an administrator of the account, "
                        + "handle contains the name of a member of staff]");
    }

    @Test
    void acc3_aSurnameInTheHandleOrDisplayNameIsRefusedAtProvisioning() {
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, "school-a", "app-approved", "hilltop_pe", "Mr Stevenson's PE",
                        ADMINS, true, true, "https://oakfield.sch.uk/aup"))
                .expectNoEvents()
                .expectExceptionMessage("The provisioning breaks account rules: ["
                        + "handle contains the surname of a member of staff, "
                        + "displayName contains the surname of a member of staff]");
    }

    @Test
    void acc3_aSurnameSltAcceptedForTheApplicationIsNoClashForItsAccountButAnotherIs() {
        fixture.givenNoPriorActivity()
                .when(provision("app-hill", "hilltop_pe", ADMINS))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(provision("app-hill", "stevenson_pe", ADMINS))
                .expectNoEvents()
                .expectExceptionMessage("The provisioning breaks account rules: ["
                        + "handle contains the surname of a member of staff]");
    }

    @Test
    void acc5_theAccountGoesLiveWhenTheLastAdministratorIsFit() {
        fixture.given(provisioned(), settings(),
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-2", 1, NOW),
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-3", 1, NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-2", "slt-1", NOW))
                .when(new RecordTrainingCommand(ID, "school-a", "staff-3", "slt-1"))
                .expectEvents(new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW),
                        new AccountWentLiveEvent("acc-1", "school-a", NOW));
    }

    @Test
    void acc5_notLiveWhileAnAdministratorHasNotAcknowledged() {
        fixture.given(provisioned(), settings(),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-2", "slt-1", NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW))
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-2", 1))
                .expectEvents(new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-2", 1, NOW));
    }

    @Test
    void acc5_onlyAnAdministratorAcknowledgesAndOnlyTheCurrentVersion() {
        fixture.given(provisioned(), settings())
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-9", 1))
                .expectNoEvents()
                .expectExceptionMessage("staff-9 is not an administrator of the account");
        fixture.given(provisioned(), settings())
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-2", 2))
                .expectNoEvents()
                .expectExceptionMessage("The current policy version is 1");
    }

    @Test
    void acc5_aNewPolicyVersionFlagsTheAccountNamingWhoIsOutOfDate() {
        fixture.given(live())
                .when(new RequirePolicyVersionCommand(ID, "school-a", 2))
                .expectEvents(new AccountFlaggedEvent("acc-1", "school-a", 2, ADMINS, NOW));
    }

    @Test
    void acc5_aFlaggedAdministratorAcknowledgesTheNewVersion() {
        Object[] given = java.util.stream.Stream.concat(java.util.Arrays.stream(live()),
                java.util.stream.Stream.of(new AccountFlaggedEvent("acc-1", "school-a", 2, ADMINS, NOW))).toArray();
        fixture.given(given)
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-2", 2))
                .expectEvents(new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-2", 2, NOW));
    }

    @Test
    void acc9_sltSuspendsAndReinstatesWithAReason() {
        fixture.given(live())
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.SUSPEND, "Compromised", null))
                .expectEvents(new AccountSuspendedEvent("acc-1", "school-a", "Compromised", NOW));
        Object[] suspended = java.util.stream.Stream.concat(java.util.Arrays.stream(live()),
                java.util.stream.Stream.of(new AccountSuspendedEvent("acc-1", "school-a", "Compromised", NOW))).toArray();
        fixture.given(suspended)
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.REINSTATE, "Passwords rotated", null))
                .expectEvents(new AccountReinstatedEvent("acc-1", "school-a", "Passwords rotated", NOW, "LIVE"));
    }

    /**
     * ACC-5, ACC-9: an account suspended before it went live comes back PROVISIONED, not LIVE (so no
     * service reads it as live); and if every administrator became fit while it was suspended, it goes
     * live at once, since nothing else would make it.
     */
    @Test
    void acc9_anAccountSuspendedBeforeGoingLiveIsReinstatedProvisionedOrGoesLiveIfNowFit() {
        AccountProvisionedEvent provisioned = provisioned();
        AccountSettingsAgreedEvent settings = settings();
        AccountSuspendedEvent suspended = new AccountSuspendedEvent("acc-1", "school-a", "Compromised", NOW);
        fixture.given(provisioned, settings, suspended)
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.REINSTATE, "Secured", null))
                .expectEvents(new AccountReinstatedEvent("acc-1", "school-a", "Secured", NOW, "PROVISIONED"));
        fixture.given(provisioned, settings, suspended,
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-2", 1, NOW),
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-3", 1, NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-2", "slt-1", NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW))
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.REINSTATE, "Secured", null))
                .expectEvents(new AccountReinstatedEvent("acc-1", "school-a", "Secured", NOW, "PROVISIONED"),
                        new AccountWentLiveEvent("acc-1", "school-a", NOW));
    }

    @Test
    void acc9_onlyASuspendedAccountIsReinstated() {
        fixture.given(live())
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.REINSTATE, "Why", null))
                .expectNoEvents()
                .expectExceptionMessage("Only a suspended account can be reinstated");
    }

    @Test
    void acc9_aClosedAccountStaysClosed() {
        Object[] closed = java.util.stream.Stream.concat(java.util.Arrays.stream(live()),
                java.util.stream.Stream.of(new AccountClosedEvent("acc-1", "school-a", "Club ended", NOW))).toArray();
        fixture.given(closed)
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.SUSPEND, "x", null))
                .expectNoEvents()
                .expectExceptionMessage("The account is closed");
    }

    @Test
    void acc9_aStatusChangeNeedsAReason() {
        fixture.given(live())
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.CLOSE, " ", null))
                .expectNoEvents()
                .expectExceptionMessage("A reason is required");
    }

    @Test
    void acc9_aReviewSetsTheNextDueDateAReviewPeriodLater() {
        fixture(new AccountRules(Period.ofMonths(6), Duration.ofDays(14))).given(live())
                .when(new ReviewAccountCommand(ID, "school-a", "slt-1", "Still needed"))
                .expectEvents(new AccountReviewedEvent("acc-1", "school-a", "slt-1", "Still needed",
                        LocalDate.parse("2027-05-21"), NOW));
    }

    @Test
    void anotherSchoolCannotTouchTheAccount() {
        fixture.given(live())
                .when(new ChangeAccountStatusCommand(ID, "school-b", Change.CLOSE, "x", null))
                .expectNoEvents()
                .expectExceptionMessage("No such account");
    }

    private static final LocalDate PAST_LEAVING = LocalDate.parse("2026-11-20");
    private static final String HANDOVER = java.util.UUID.nameUUIDFromBytes("acc-1/staff-2".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).toString();

    private static Object[] liveThen(Object... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(live()), java.util.Arrays.stream(more)).toArray();
    }

    private static HandoverOpenedEvent opened() {
        return new HandoverOpenedEvent("acc-1", "school-a", HANDOVER, "staff-2", List.of("staff-3"),
                NOW.plus(Duration.ofDays(14)), NOW, PAST_LEAVING);
    }

    @Test
    void acc7_aLeaverBelowTwoFitAdministratorsOpensAHandoverDueAfterTheSetTime() {
        fixture.given(live())
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-2", PAST_LEAVING))
                .expectEvents(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened())
                .expectResultMessagePayload(new OpenedHandover("acc-1", HANDOVER, NOW.plus(Duration.ofDays(14))));
    }

    private static final LocalDate NOTICE_LEAVING = LocalDate.parse("2026-12-19");

    /** ACC-7: a handover opened at notice; staff-2 still runs the account. */
    private static HandoverOpenedEvent openedAtNotice() {
        return new HandoverOpenedEvent("acc-1", "school-a", HANDOVER, "staff-2", List.of("staff-3"),
                Instant.parse("2026-12-20T00:00:00Z"), NOW, NOTICE_LEAVING);
    }

    /**
     * ACC-7: a leaving date still to come is notice: the leaver still runs the account, and the handover
     * opens now, due when the leaving date ends in the school's time zone (midnight GMT in December).
     */
    @Test
    void acc7_noticeOfALeavingDateOpensTheHandoverDueWhenThatDateEndsWhileTheLeaverStillRunsTheAccount() {
        fixture.given(live())
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-2", NOTICE_LEAVING))
                .expectEvents(openedAtNotice())
                .expectResultMessagePayload(new OpenedHandover("acc-1", HANDOVER, Instant.parse("2026-12-20T00:00:00Z")));
        fixture.given(liveThen(openedAtNotice()))
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-2", 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** ACC-7: a leaving date of today has not passed: the handover is due at the end of today, not 14 days on. */
    @Test
    void acc7_aLeavingDateOfTodayIsDueAtTheEndOfTodayNotASetTimeLater() {
        LocalDate today = LocalDate.parse("2026-11-21");
        fixture.given(live())
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-2", today))
                .expectEvents(new HandoverOpenedEvent("acc-1", "school-a", HANDOVER, "staff-2", List.of("staff-3"),
                        Instant.parse("2026-11-22T00:00:00Z"), NOW, today));
    }

    /** ACC-7: in British Summer Time the school's date ends at 23:00 UTC. */
    @Test
    void acc7_theLeavingDateEndsOnTheSchoolsCalendar() {
        LocalDate summer = LocalDate.parse("2027-07-21");
        fixture.given(live())
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-2", summer))
                .expectEvents(new HandoverOpenedEvent("acc-1", "school-a", HANDOVER, "staff-2", List.of("staff-3"),
                        Instant.parse("2027-07-21T23:00:00Z"), NOW, summer));
    }

    /** ACC-7: once the leaving date has ended the leaver stops running the account; the handover stays as opened. */
    @Test
    void acc7_whenTheLeavingDateHasEndedTheLeaverStopsRunningTheAccountWithoutASecondHandover() {
        HandoverOpenedEvent notice = new HandoverOpenedEvent("acc-1", "school-a", HANDOVER, "staff-2", List.of("staff-3"),
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-10T09:00:00Z"), PAST_LEAVING);
        fixture.given(liveThen(notice))
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-2", PAST_LEAVING))
                .expectEvents(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW))
                .expectResultMessagePayload(null);
    }

    /** ACC-7: the leaving date moved: the open handover falls due when the new date ends. */
    @Test
    void acc7_aMovedLeavingDateReschedulesTheHandover() {
        LocalDate later = LocalDate.parse("2027-01-08");
        fixture.given(liveThen(openedAtNotice()))
                .when(new RescheduleHandoverCommand(ID, HANDOVER, later))
                .expectEvents(new HandoverRescheduledEvent("acc-1", "school-a", HANDOVER, later,
                        Instant.parse("2027-01-09T00:00:00Z"), NOW))
                .expectResultMessagePayload(Instant.parse("2027-01-09T00:00:00Z"));
        fixture.given(liveThen(openedAtNotice(), new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "CLOSED", null,
                        NOW, null, null)))
                .when(new RescheduleHandoverCommand(ID, HANDOVER, later))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    /** ACC-7: the notice was withdrawn: the handover is cancelled, and nothing escalates. */
    @Test
    void acc7_aWithdrawnNoticeCancelsTheHandover() {
        fixture.given(liveThen(openedAtNotice()))
                .when(new CancelHandoverCommand(ID, HANDOVER))
                .expectEvents(new HandoverCancelledEvent("acc-1", "school-a", HANDOVER, NOW));
        fixture.given(liveThen(openedAtNotice(), new HandoverCancelledEvent("acc-1", "school-a", HANDOVER, NOW)))
                .when(new EscalateHandoverCommand(ID, HANDOVER))
                .expectNoEvents();
    }

    /**
     * ACC-4, ACC-7: a leaver on notice stops running the account when it is handed over, and the agreed
     * settings' who-may-post names the new administrator in their place.
     */
    @Test
    void acc7_aTransferFromALeaverOnNoticeEndsTheirAdministrationAndTheNewAdministratorMayPostInTheirPlace() {
        fixture.given(liveThen(openedAtNotice()))
                .when(transferTo("staff-4"))
                .expectEvents(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", NOTICE_LEAVING, NOW),
                        new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, 1,
                                List.of("staff-4", "staff-3")),
                        new CredentialsRotatedEvent("acc-1", "school-a", "handover", NOW));
        fixture.given(liveThen(openedAtNotice()))
                .when(transferTo("staff-2"))
                .expectNoEvents()
                .expectExceptionMessage("staff-2 already administers the account: a handover goes to someone who does"
                        + " not, so that it has two fit administrators again");
    }

    /** ACC-4: a who-may-post that does not name the leaver stays as agreed. */
    @Test
    void acc4_aWhoMayPostWithoutTheLeaverIsKept() {
        fixture.given(provisioned(), new AccountSettingsAgreedEvent("acc-1", "school-a", List.of("staff-3"), true, true, 1,
                        LocalDate.parse("2027-11-21"), NOW), new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-3", 1, NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW), openedAtNotice())
                .when(transferTo("staff-4"))
                .expectEvents(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", NOTICE_LEAVING, NOW),
                        new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, 1, null),
                        new CredentialsRotatedEvent("acc-1", "school-a", "handover", NOW),
                        new AccountWentLiveEvent("acc-1", "school-a", NOW));
    }

    @Test
    void acc7_noHandoverWhileTwoFitAdministratorsRemain() {
        fixture.given(liveThen(new HandoverCompletedEvent("acc-1", "school-a", "ho-0", "TRANSFERRED", "staff-4", NOW, null, null),
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-4", 1, NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-4", "slt-1", NOW)))
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-2", PAST_LEAVING))
                .expectEvents(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW))
                .expectResultMessagePayload(null);
    }

    /**
     * ACC-5, ACC-7: the transfer found the new administrator fit for the account's policy version, so they
     * count as fit at once: nothing to acknowledge again, and when the other administrator leaves, the
     * handover that opens names them as the fit one who remains.
     */
    @Test
    void acc7_aNewAdministratorTakesTheAccountOverFit() {
        Object[] transferred = liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW),
                opened(), new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, 1, null));
        fixture.given(transferred)
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-4", 1))
                .expectNoEvents();
        String next = java.util.UUID.nameUUIDFromBytes("acc-1/staff-3".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        fixture.given(transferred)
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-3", PAST_LEAVING))
                .expectEvents(new AdministratorLeftEvent("acc-1", "school-a", "staff-3", PAST_LEAVING, NOW),
                        new HandoverOpenedEvent("acc-1", "school-a", next, "staff-3", List.of("staff-4"),
                                NOW.plus(Duration.ofDays(14)), NOW, PAST_LEAVING));
    }

    /** Transfers recorded before the fitness travelled on the event replay as before: acknowledge on the account. */
    @Test
    void acc7_aTransferRecordedWithoutFitnessStillNeedsTheAcknowledgement() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened(),
                        new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, null, null)))
                .when(new AcknowledgePolicyCommand(ID, "school-a", "staff-4", 1))
                .expectEvents(new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-4", 1, NOW));
    }

    @Test
    void acc7_someoneWhoDoesNotAdministerTheAccountChangesNothing() {
        fixture.given(live())
                .when(new RecordAdministratorLeftCommand(ID, "school-a", "staff-9", PAST_LEAVING))
                .expectNoEvents();
    }

    private static final CredentialVault.Credentials NEW_LOGIN = new CredentialVault.Credentials("pe@oakfield",
            "handed-over-secret");

    private static TransferHandoverCommand transferTo(String staffId) {
        return new TransferHandoverCommand(ID, "school-a", HANDOVER, staffId, NEW_LOGIN);
    }

    @Test
    void acc7_aTransferToAFitMemberOfStaffSealsTheNewCredentialsAndRecordsOnlyTheRotation() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(transferTo("staff-4"))
                .expectEvents(new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, 1,
                                List.of("staff-4", "staff-3")),
                        new CredentialsRotatedEvent("acc-1", "school-a", "handover", NOW));
        org.junit.jupiter.api.Assertions.assertEquals(NEW_LOGIN, stored.get("acc-1"));
    }

    /**
     * ACC-5, ACC-7: an account that had not gone live when an administrator left goes live at the transfer
     * when the new administrator arrives fit and so does the other; nothing else would make it go live.
     */
    @Test
    void acc7_aTransferToAFitMemberOfStaffPutsAnAccountThatWasWaitingForThemLive() {
        fixture.given(provisioned(), settings(),
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-3", 1, NOW),
                        new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW),
                        new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW),
                        new HandoverOpenedEvent("acc-1", "school-a", HANDOVER, "staff-2", List.of("staff-3"),
                                NOW.plus(Duration.ofDays(14)), NOW, PAST_LEAVING))
                .when(transferTo("staff-4"))
                .expectEvents(new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, 1,
                                List.of("staff-4", "staff-3")),
                        new CredentialsRotatedEvent("acc-1", "school-a", "handover", NOW),
                        new AccountWentLiveEvent("acc-1", "school-a", NOW));
    }

    /** ACC-1, ACC-5: one fit administrator is not enough to go live, even when they are all there is. */
    @Test
    void acc5_anAccountDoesNotGoLiveWithFewerThanTwoAdministrators() {
        fixture.given(provisioned(), settings(),
                        new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW),
                        new PolicyAcknowledgedEvent("acc-1", "school-a", "staff-3", 1, NOW))
                .when(new RecordTrainingCommand(ID, "school-a", "staff-3", "slt-1"))
                .expectEvents(new AdministratorTrainedEvent("acc-1", "school-a", "staff-3", "slt-1", NOW));
        AccountSuspendedEvent suspended = new AccountSuspendedEvent("acc-1", "school-a", "Compromised", NOW);
        fixture.given(provisioned(), settings(), suspended,
                        new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW),
                        new AdministratorLeftEvent("acc-1", "school-a", "staff-3", PAST_LEAVING, NOW))
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.REINSTATE, "Secured", null))
                .expectEvents(new AccountReinstatedEvent("acc-1", "school-a", "Secured", NOW, "PROVISIONED"));
    }

    @Test
    void acc7_aTransferGoesOnlyToCurrentStaff() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(transferTo("stranger"))
                .expectNoEvents()
                .expectExceptionMessage("stranger is not a current member of staff or a registered volunteer");
        org.junit.jupiter.api.Assertions.assertFalse(stored.containsKey("acc-1"));
    }

    @Test
    void acc7_aTransferGoesOnlyToSomeoneWhoDoesNotAlreadyRunTheAccount() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(transferTo("staff-3"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("staff-3 already administers the account: a handover goes to someone who does"
                        + " not, so that it has two fit administrators again");
        org.junit.jupiter.api.Assertions.assertFalse(stored.containsKey("acc-1"));
    }

    @Test
    void acc7_aTransferGoesOnlyToSomeoneFitNamingWhatIsMissing() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(transferTo("staff-5"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("staff-5 is not fit to run the account: has not acknowledged policy version 1"
                        + " and has not completed training");
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(transferTo("staff-6"))
                .expectNoEvents()
                .expectExceptionMessage("staff-6 is not fit to run the account: has not acknowledged policy version 1");
        org.junit.jupiter.api.Assertions.assertFalse(stored.containsKey("acc-1"));
    }

    @Test
    void acc7_fitnessMeansTheNewPolicyVersionOnceTheAccountRequiresIt() {
        fixture.given(liveThen(new AccountFlaggedEvent("acc-1", "school-a", 2, ADMINS, NOW),
                        new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(transferTo("staff-4"))
                .expectNoEvents()
                .expectExceptionMessage("staff-4 is not fit to run the account: has not acknowledged policy version 2");
    }

    @Test
    void acc7_theTransferCommandNeverShowsTheNewCredentials() {
        org.junit.jupiter.api.Assertions.assertFalse(transferTo("staff-4").toString().contains("handed-over-secret"));
    }

    @Test
    void acc6_afterAHandoverRotationStoringAgainIsARotation() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened(),
                        new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-4", NOW, 1, null),
                        new CredentialsRotatedEvent("acc-1", "school-a", "handover", NOW)))
                .when(new StoreCredentialsCommand(ID, "school-a", "staff-4", false, LOGIN))
                .expectEvents(new CredentialsRotatedEvent("acc-1", "school-a", "rotated", NOW));
    }

    @Test
    void acc7_closingTheAccountEndsTheHandover() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(new ChangeAccountStatusCommand(ID, "school-a", Change.CLOSE, "No one to run it", null))
                .expectEvents(new AccountClosedEvent("acc-1", "school-a", "No one to run it", NOW),
                        new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "CLOSED", null, NOW, null, null));
    }

    @Test
    void acc7_anOverdueHandoverIsEscalatedOnce() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened()))
                .when(new EscalateHandoverCommand(ID, HANDOVER))
                .expectEvents(new HandoverEscalatedEvent("acc-1", "school-a", HANDOVER, NOW.plus(Duration.ofDays(14)), NOW));
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened(),
                        new HandoverEscalatedEvent("acc-1", "school-a", HANDOVER, NOW, NOW)))
                .when(new EscalateHandoverCommand(ID, HANDOVER))
                .expectNoEvents();
    }

    @Test
    void acc7_aCompletedHandoverIsNotEscalated() {
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW), opened(),
                        new HandoverCompletedEvent("acc-1", "school-a", HANDOVER, "TRANSFERRED", "staff-2", NOW, 1, null)))
                .when(new EscalateHandoverCommand(ID, HANDOVER))
                .expectNoEvents();
    }

    private static final CredentialVault.Credentials LOGIN = new CredentialVault.Credentials("pe@oakfield", "s3cret!");

    @Test
    void acc6_anAdministratorStoresCredentialsAndOnlyTheFactIsAnEvent() {
        fixture.given(live())
                .when(new StoreCredentialsCommand(ID, "school-a", "staff-2", false, LOGIN))
                .expectEvents(new CredentialsRotatedEvent("acc-1", "school-a", "stored", NOW));
        org.junit.jupiter.api.Assertions.assertEquals(LOGIN, stored.get("acc-1"));
    }

    @Test
    void acc6_storingAgainIsARotation() {
        fixture.given(liveThen(new CredentialsRotatedEvent("acc-1", "school-a", "stored", NOW)))
                .when(new StoreCredentialsCommand(ID, "school-a", "admin-9", true, LOGIN))
                .expectEvents(new CredentialsRotatedEvent("acc-1", "school-a", "rotated", NOW));
    }

    @Test
    void acc6_someoneWhoIsNeitherAnAccountAdminNorAnAdministratorCannotStore() {
        fixture.given(live())
                .when(new StoreCredentialsCommand(ID, "school-a", "staff-9", false, LOGIN))
                .expectNoEvents()
                .expectExceptionMessage("staff-9 is not an administrator of the account");
    }

    @Test
    void acc6_aCurrentAdministratorRevealsWithAReasonAndTheRevealIsRecorded() {
        stored.put("acc-1", LOGIN);
        fixture.given(liveThen(new CredentialsRotatedEvent("acc-1", "school-a", "stored", NOW)))
                .when(new RevealCredentialsCommand(ID, "school-a", "staff-3", "Posting results"))
                .expectEvents(new CredentialsRevealedEvent("acc-1", "school-a", "staff-3", "Posting results", NOW))
                .expectResultMessagePayload(LOGIN);
    }

    @Test
    void acc6_aLeaverCannotRevealAnyMore() {
        stored.put("acc-1", LOGIN);
        fixture.given(liveThen(new AdministratorLeftEvent("acc-1", "school-a", "staff-2", PAST_LEAVING, NOW)))
                .when(new RevealCredentialsCommand(ID, "school-a", "staff-2", "One last look"))
                .expectNoEvents()
                .expectExceptionMessage("staff-2 is not an administrator of the account");
    }

    @Test
    void acc6_aRevealNeedsAReason() {
        stored.put("acc-1", LOGIN);
        fixture.given(live())
                .when(new RevealCredentialsCommand(ID, "school-a", "staff-3", " "))
                .expectNoEvents()
                .expectExceptionMessage("A reveal needs a reason");
    }

    @Test
    void acc6_credentialsNeverShowInTheirTextForm() {
        org.junit.jupiter.api.Assertions.assertFalse(LOGIN.toString().contains("s3cret"));
        org.junit.jupiter.api.Assertions.assertFalse(
                new StoreCredentialsCommand(ID, "school-a", "staff-2", false, LOGIN).toString().contains("s3cret"));
    }
}
