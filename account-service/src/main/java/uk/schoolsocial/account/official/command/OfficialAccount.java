package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.account.roster.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.IfMatch;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountFlaggedEvent;
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
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.PolicyAcknowledgedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * An official account from provisioning (ACC-4) through going live once every administrator is
 * fit (ACC-5) to review, suspension and closure (ACC-9).
 */
public class OfficialAccount {

    private enum Status { PROVISIONED, LIVE, SUSPENDED, CLOSED }

    @AggregateIdentifier
    private String accountId;
    private String schoolId;
    private Status status;
    private Set<String> administrators;
    private final Map<String, Integer> acknowledged = new HashMap<>();
    private final Set<String> trained = new HashSet<>();
    private int policyVersion;
    private boolean wentLive;
    /** ACC-7: the open handover, if any, and whether it was escalated. */
    private String openHandover;
    private boolean escalated;
    private Instant handoverDue;
    private boolean hasCredentials;

    protected OfficialAccount() {
        // for Axon
    }

    @CommandHandler
    public OfficialAccount(ProvisionAccountCommand command, Clock clock, ApprovedApplications applications,
                           StaffDirectory roster, AccountRules rules) {
        ApprovedApplications.Approval approval = Provisioning.check(command, applications, roster);
        Instant now = clock.instant();
        String id = command.accountId().value();
        apply(new AccountProvisionedEvent(id, command.schoolId(), command.applicationId(), approval.platform(),
                command.handle().strip(), command.displayName().strip(), approval.administrators(), approval.privacy(),
                command.aupLink().strip(), now));
        apply(new AccountSettingsAgreedEvent(id, command.schoolId(),
                command.whoMayPost().stream().map(String::strip).distinct().toList(), command.followersApproved(),
                command.taggingOff(), applications.currentPolicyVersion(command.schoolId()),
                LocalDate.ofInstant(now, clock.getZone()).plus(rules.reviewPeriod()), now));
    }

    /** ACC-5: only the administrator, only for the current version; the last one makes the account live. */
    @CommandHandler
    public long handle(AcknowledgePolicyCommand command, Clock clock) {
        requireSameSchool(command.schoolId());
        requireAdministrator(command.administratorId());
        requireNot(Status.CLOSED);
        if (command.policyVersion() != policyVersion) {
            throw new DomainException(AccountError.POLICY_VERSION_NOT_CURRENT,
                    "The current policy version is " + policyVersion);
        }
        if (!Integer.valueOf(policyVersion).equals(acknowledged.get(command.administratorId()))) {
            apply(new PolicyAcknowledgedEvent(accountId, schoolId, command.administratorId(), policyVersion,
                    clock.instant()));
            goLiveIfFit(clock);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordTrainingCommand command, Clock clock) {
        requireSameSchool(command.schoolId());
        requireAdministrator(command.administratorId());
        requireNot(Status.CLOSED);
        if (!trained.contains(command.administratorId())) {
            apply(new AdministratorTrainedEvent(accountId, schoolId, command.administratorId(), command.recordedBy(),
                    clock.instant()));
            goLiveIfFit(clock);
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * ACC-7: the leaver stops administering the account; if fewer than two fit administrators
     * remain a handover opens, due on the leaving date or, when that has passed, after the set time.
     */
    @CommandHandler
    public OpenedHandover handle(RecordAdministratorLeftCommand command, Clock clock, AccountRules rules) {
        if (status == Status.CLOSED || !administrators.contains(command.administratorId())) {
            return null;
        }
        Instant now = clock.instant();
        apply(new AdministratorLeftEvent(accountId, schoolId, command.administratorId(), command.leavingDate(), now));
        List<String> fit = administrators.stream().filter(this::fit).sorted().toList();
        if (fit.size() >= 2 || openHandover != null) {
            return null;
        }
        Instant leaving = command.leavingDate() == null ? now : command.leavingDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant due = leaving.isAfter(now) ? leaving : now.plus(rules.handoverDue());
        String handoverId = UUID.nameUUIDFromBytes((accountId + "/" + command.administratorId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        apply(new HandoverOpenedEvent(accountId, schoolId, handoverId, command.administratorId(), fit, due, now));
        return new OpenedHandover(accountId, handoverId, due);
    }

    /** ACC-7: transfer to a named current member of staff; the credentials are rotated with it. */
    @CommandHandler
    public long handle(TransferHandoverCommand command, Clock clock, StaffDirectory roster) {
        requireSameSchool(command.schoolId());
        requireOpenHandover(command.handoverId());
        if (!roster.notEligibleAdministrators(schoolId, List.of(command.newAdministratorId())).isEmpty()) {
            throw new DomainException(AccountError.NOT_CURRENT_STAFF,
                    command.newAdministratorId() + " is not a current member of staff or a registered volunteer");
        }
        Instant now = clock.instant();
        apply(new HandoverCompletedEvent(accountId, schoolId, openHandover, "TRANSFERRED", command.newAdministratorId(), now));
        apply(new CredentialsRotatedEvent(accountId, schoolId, "handover", now));
        return AggregateLifecycle.getVersion();
    }

    /** ACC-7: the deadline of an open handover passed. */
    @CommandHandler
    public void handle(EscalateHandoverCommand command, Clock clock) {
        if (command.handoverId().equals(openHandover) && !escalated) {
            apply(new HandoverEscalatedEvent(accountId, schoolId, openHandover, handoverDue, clock.instant()));
        }
    }

    /** ACC-6: stored encrypted in the vault; the event records only that they changed. */
    @CommandHandler
    public long handle(StoreCredentialsCommand command, Clock clock, CredentialVault vault) {
        requireSameSchool(command.schoolId());
        requireNot(Status.CLOSED);
        if (!command.accountAdmin()) {
            requireAdministrator(command.actorId());
        }
        vault.store(accountId, command.credentials());
        apply(new CredentialsRotatedEvent(accountId, schoolId, hasCredentials ? "rotated" : "stored", clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** ACC-6: only a current administrator, with a reason; the reveal is an event. */
    @CommandHandler
    public CredentialVault.Credentials handle(RevealCredentialsCommand command, Clock clock, CredentialVault vault) {
        requireSameSchool(command.schoolId());
        requireAdministrator(command.actorId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(AccountError.REASON_REQUIRED, "A reveal needs a reason");
        }
        CredentialVault.Credentials credentials = vault.reveal(accountId).orElseThrow(() ->
                new DomainException(AccountError.NO_CREDENTIALS, "No login details are stored for the account"));
        apply(new CredentialsRevealedEvent(accountId, schoolId, command.actorId(), command.reason().strip(),
                clock.instant()));
        return credentials;
    }

    /** ACC-5: a new policy version flags the account when any administrator has not acknowledged it. */
    @CommandHandler
    public void handle(RequirePolicyVersionCommand command, Clock clock) {
        if (status == Status.CLOSED || command.policyVersion() <= policyVersion) {
            return;
        }
        List<String> outOfDate = administrators.stream()
                .filter(admin -> !Integer.valueOf(command.policyVersion()).equals(acknowledged.get(admin)))
                .sorted().toList();
        apply(new AccountFlaggedEvent(accountId, schoolId, command.policyVersion(), outOfDate, clock.instant()));
    }

    @CommandHandler
    public long handle(ChangeAccountStatusCommand command, Clock clock, ConflictResolver conflicts) {
        requireSameSchool(command.schoolId());
        IfMatch.requireCurrent(conflicts);
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(AccountError.REASON_REQUIRED, "A reason is required");
        }
        String reason = command.reason().strip();
        Instant now = clock.instant();
        switch (command.change()) {
            case SUSPEND -> {
                requireNot(Status.CLOSED);
                requireNot(Status.SUSPENDED);
                apply(new AccountSuspendedEvent(accountId, schoolId, reason, now));
            }
            case REINSTATE -> {
                if (status != Status.SUSPENDED) {
                    throw new DomainException(AccountError.INVALID_STATE, "Only a suspended account can be reinstated");
                }
                apply(new AccountReinstatedEvent(accountId, schoolId, reason, now));
            }
            case CLOSE -> {
                requireNot(Status.CLOSED);
                apply(new AccountClosedEvent(accountId, schoolId, reason, now));
                if (openHandover != null) {
                    apply(new HandoverCompletedEvent(accountId, schoolId, openHandover, "CLOSED", null, now));
                }
            }
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReviewAccountCommand command, Clock clock, AccountRules rules) {
        requireSameSchool(command.schoolId());
        requireNot(Status.CLOSED);
        Instant now = clock.instant();
        apply(new AccountReviewedEvent(accountId, schoolId, command.reviewedBy(),
                command.notes() == null ? null : command.notes().strip(),
                LocalDate.ofInstant(now, clock.getZone()).plus(rules.reviewPeriod()), now));
        return AggregateLifecycle.getVersion();
    }

    private boolean fit(String administrator) {
        return trained.contains(administrator) && Integer.valueOf(policyVersion).equals(acknowledged.get(administrator));
    }

    private void goLiveIfFit(Clock clock) {
        boolean allFit = administrators.stream().allMatch(this::fit);
        if (status == Status.PROVISIONED && !wentLive && allFit) {
            apply(new AccountWentLiveEvent(accountId, schoolId, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(AccountProvisionedEvent event) {
        accountId = event.accountId();
        schoolId = event.schoolId();
        administrators = new HashSet<>(event.administrators());
        status = Status.PROVISIONED;
    }

    @EventSourcingHandler
    void on(AccountSettingsAgreedEvent event) {
        policyVersion = event.policyVersion();
    }

    @EventSourcingHandler
    void on(PolicyAcknowledgedEvent event) {
        acknowledged.put(event.administratorId(), event.policyVersion());
    }

    @EventSourcingHandler
    void on(AdministratorTrainedEvent event) {
        trained.add(event.administratorId());
    }

    @EventSourcingHandler
    void on(AccountFlaggedEvent event) {
        policyVersion = event.policyVersion();
    }

    @EventSourcingHandler
    void on(AdministratorLeftEvent event) {
        administrators.remove(event.administratorId());
    }

    @EventSourcingHandler
    void on(HandoverOpenedEvent event) {
        openHandover = event.handoverId();
        handoverDue = event.dueAt();
        escalated = false;
    }

    @EventSourcingHandler
    void on(HandoverEscalatedEvent event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(HandoverCompletedEvent event) {
        openHandover = null;
        if (event.newAdministratorId() != null) {
            administrators.add(event.newAdministratorId());
        }
    }

    @EventSourcingHandler
    void on(CredentialsRotatedEvent event) {
        hasCredentials = hasCredentials || !"handover".equals(event.reason());
    }

    @EventSourcingHandler
    void on(AccountWentLiveEvent event) {
        status = Status.LIVE;
        wentLive = true;
    }

    @EventSourcingHandler
    void on(AccountSuspendedEvent event) {
        status = Status.SUSPENDED;
    }

    @EventSourcingHandler
    void on(AccountReinstatedEvent event) {
        status = wentLive ? Status.LIVE : Status.PROVISIONED;
    }

    @EventSourcingHandler
    void on(AccountClosedEvent event) {
        status = Status.CLOSED;
    }

    private void requireAdministrator(String id) {
        if (!administrators.contains(id)) {
            throw new DomainException(AccountError.NOT_AN_ADMINISTRATOR, id + " is not an administrator of the account");
        }
    }

    private void requireOpenHandover(String handoverId) {
        if (!handoverId.equals(openHandover)) {
            throw new DomainException(AccountError.NO_OPEN_HANDOVER, "No such open handover on the account");
        }
    }

    private void requireNot(Status forbidden) {
        if (status == forbidden) {
            throw new DomainException(AccountError.INVALID_STATE, "The account is " + forbidden.name().toLowerCase());
        }
    }

    private void requireSameSchool(String callerSchool) {
        if (!schoolId.equals(callerSchool)) {
            throw new DomainException(AccountError.NOT_FOUND, "No such account");
        }
    }
}
