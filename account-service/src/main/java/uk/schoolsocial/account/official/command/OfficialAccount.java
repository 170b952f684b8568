package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import uk.schoolsocial.account.shared.command.IfMatch;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.events.account.AccountFlaggedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountReviewedEvent;
import uk.schoolsocial.events.account.AccountSettingsAgreedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.AdministratorLeftEvent;
import uk.schoolsocial.events.account.AdministratorTrainedEvent;
import uk.schoolsocial.events.account.PolicyAcknowledgedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * An official account from provisioning (ACC-4) through going live once every administrator is
 * fit (ACC-5) to review, suspension and closure (ACC-9). Where it stands, its administrators and their
 * fitness, its open handover (ACC-7) and its credentials (ACC-6) are members of it.
 */
public class OfficialAccount {

    @AggregateIdentifier
    private String accountId;
    private String schoolId;
    @AggregateMember
    private final AccountStanding standing = new AccountStanding();
    @AggregateMember
    private final Administrators administrators = new Administrators();
    @AggregateMember
    private final AccountHandover handover = new AccountHandover();
    @AggregateMember
    private final AccountCredentials credentials = new AccountCredentials();

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
        administrators.require(command.administratorId());
        standing.requireOpen();
        int version = administrators.policyVersion();
        if (command.policyVersion() != version) {
            throw new DomainException(AccountError.POLICY_VERSION_NOT_CURRENT, "The current policy version is " + version);
        }
        if (!administrators.acknowledgedCurrentVersion(command.administratorId())) {
            apply(new PolicyAcknowledgedEvent(accountId, schoolId, command.administratorId(), version, clock.instant()));
            goLiveIfFit(clock);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordTrainingCommand command, Clock clock) {
        requireSameSchool(command.schoolId());
        administrators.require(command.administratorId());
        standing.requireOpen();
        if (!administrators.trained(command.administratorId())) {
            apply(new AdministratorTrainedEvent(accountId, schoolId, command.administratorId(), command.recordedBy(),
                    clock.instant()));
            goLiveIfFit(clock);
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * ACC-7: an administrator gave notice or left. Once their leaving date has ended they stop administering
     * the account; on notice they still run it. Either way, if fewer than two fit administrators remain
     * besides them, a handover opens, due when their leaving date ends.
     */
    @CommandHandler
    public OpenedHandover handle(RecordAdministratorLeftCommand command, Clock clock, AccountRules rules,
                                 LeavingDates dates) {
        String leaver = command.administratorId();
        if (standing.closed() || !administrators.includes(leaver)) {
            return null;
        }
        Instant now = clock.instant();
        if (command.leavingDate() == null || !dates.currentAt(command.leavingDate(), now)) {
            apply(new AdministratorLeftEvent(accountId, schoolId, leaver, command.leavingDate(), now));
        }
        List<String> fit = administrators.fitOnes().stream().filter(id -> !id.equals(leaver)).toList();
        return fit.size() >= 2 ? null : handover.open(accountId, schoolId, leaver, command.leavingDate(), fit, now,
                AccountHandover.dueAt(command.leavingDate(), now, dates, rules.handoverDue()));
    }

    /** ACC-7: the leaver's leaving date moved; the open handover falls due when the new date ends. */
    @CommandHandler
    public Instant handle(RescheduleHandoverCommand command, Clock clock, AccountRules rules, LeavingDates dates) {
        Instant now = clock.instant();
        return handover.reschedule(accountId, schoolId, command.handoverId(), command.leavingDate(),
                AccountHandover.dueAt(command.leavingDate(), now, dates, rules.handoverDue()), now);
    }

    /** ACC-7: the leaver is staying (their notice was withdrawn); they still run the account. */
    @CommandHandler
    public void handle(CancelHandoverCommand command, Clock clock) {
        handover.cancel(accountId, schoolId, command.handoverId(), clock.instant());
    }

    /** ACC-7: transfer to a named fit member of staff; the new credentials are sealed and the rotation recorded. */
    @CommandHandler
    public long handle(TransferHandoverCommand command, Clock clock, StaffDirectory roster, StaffFitness fitness,
                       CredentialVault vault) {
        requireSameSchool(command.schoolId());
        handover.requireOpen(command.handoverId());
        if (administrators.includes(command.newAdministratorId())) {
            throw new DomainException(AccountError.ALREADY_AN_ADMINISTRATOR, command.newAdministratorId()
                    + " already administers the account: a handover goes to someone who does not, so that it has"
                    + " two fit administrators again");
        }
        TransferTarget.requireFit(schoolId, command.newAdministratorId(), administrators.policyVersion(), roster,
                fitness);
        Instant now = clock.instant();
        String leaver = handover.leaver();
        if (administrators.includes(leaver)) {
            // A leaver on notice stops running the account when it is handed over (its credentials rotate).
            apply(new AdministratorLeftEvent(accountId, schoolId, leaver, handover.leavingDate(), now));
        }
        // The target was just found fit for the account's policy version: they take it over fit (ACC-5), and
        // post in the leaver's place where the agreed settings named them (ACC-4).
        handover.transfer(accountId, schoolId, command.newAdministratorId(), administrators.policyVersion(),
                administrators.whoMayPostAfterHandover(leaver, command.newAdministratorId()), now);
        credentials.rotateAtHandover(accountId, schoolId, vault, command.credentials(), now);
        // An account that had not gone live yet may now have every administrator fit.
        goLiveIfFit(clock);
        return AggregateLifecycle.getVersion();
    }

    /** ACC-7: the deadline of an open handover passed. */
    @CommandHandler
    public void handle(EscalateHandoverCommand command, Clock clock) {
        handover.escalate(accountId, schoolId, command.handoverId(), clock.instant());
    }

    /** ACC-6: stored encrypted in the vault; the event records only that they changed. */
    @CommandHandler
    public long handle(StoreCredentialsCommand command, Clock clock, CredentialVault vault) {
        requireSameSchool(command.schoolId());
        standing.requireOpen();
        if (!command.accountAdmin()) {
            administrators.require(command.actorId());
        }
        credentials.store(accountId, schoolId, vault, command.credentials(), clock.instant());
        return AggregateLifecycle.getVersion();
    }

    /** ACC-6: only a current administrator, with a reason; the reveal is an event. */
    @CommandHandler
    public CredentialVault.Credentials handle(RevealCredentialsCommand command, Clock clock, CredentialVault vault) {
        requireSameSchool(command.schoolId());
        administrators.require(command.actorId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(AccountError.REASON_REQUIRED, "A reveal needs a reason");
        }
        return credentials.reveal(accountId, schoolId, vault, command.actorId(), command.reason().strip(),
                clock.instant());
    }

    /** ACC-5: a new policy version flags the account when any administrator has not acknowledged it. */
    @CommandHandler
    public void handle(RequirePolicyVersionCommand command, Clock clock) {
        if (standing.closed() || command.policyVersion() <= administrators.policyVersion()) {
            return;
        }
        apply(new AccountFlaggedEvent(accountId, schoolId, command.policyVersion(),
                administrators.notAcknowledging(command.policyVersion()), clock.instant()));
    }

    @CommandHandler
    public long handle(ChangeAccountStatusCommand command, Clock clock, ConflictResolver conflicts) {
        requireSameSchool(command.schoolId());
        IfMatch.requireCurrent(conflicts);
        String reason = AccountStanding.requireReason(command.reason());
        Instant now = clock.instant();
        switch (command.change()) {
            case SUSPEND -> standing.suspend(accountId, schoolId, reason, now);
            case REINSTATE -> {
                standing.reinstate(accountId, schoolId, reason, now);
                goLiveIfFit(clock);
            }
            case CLOSE -> {
                standing.close(accountId, schoolId, reason, now);
                handover.endWithAccount(accountId, schoolId, now);
            }
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReviewAccountCommand command, Clock clock, AccountRules rules) {
        requireSameSchool(command.schoolId());
        standing.requireOpen();
        Instant now = clock.instant();
        apply(new AccountReviewedEvent(accountId, schoolId, command.reviewedBy(),
                command.notes() == null ? null : command.notes().strip(),
                LocalDate.ofInstant(now, clock.getZone()).plus(rules.reviewPeriod()), now));
        return AggregateLifecycle.getVersion();
    }

    private void goLiveIfFit(Clock clock) {
        // ACC-1, ACC-5: at least two administrators, every one of them fit.
        if (standing.mayGoLive() && administrators.count() >= 2 && administrators.allFit()) {
            apply(new AccountWentLiveEvent(accountId, schoolId, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(AccountProvisionedEvent event) {
        accountId = event.accountId();
        schoolId = event.schoolId();
    }

    private void requireSameSchool(String callerSchool) {
        if (!schoolId.equals(callerSchool)) {
            throw new DomainException(AccountError.NOT_FOUND, "No such account");
        }
    }
}
