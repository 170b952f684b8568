package uk.schoolsocial.account.official.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.schoolsocial.account.api.AccountsApi;
import uk.schoolsocial.account.api.model.AccountHistory;
import uk.schoolsocial.account.api.model.AccountPage;
import uk.schoolsocial.account.api.model.AccountStatus;
import uk.schoolsocial.account.api.model.AcknowledgePolicyRequest;
import uk.schoolsocial.account.api.model.Credentials;
import uk.schoolsocial.account.api.model.OfficialAccount;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.PolicyVersion;
import uk.schoolsocial.account.api.model.ProvisionAccountRequest;
import uk.schoolsocial.account.api.model.PublishPolicyVersionRequest;
import uk.schoolsocial.account.api.model.RecordTrainingRequest;
import uk.schoolsocial.account.api.model.RevealRequest;
import uk.schoolsocial.account.api.model.ReviewRequest;
import uk.schoolsocial.account.api.model.StatusChangeRequest;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.AcknowledgePolicyCommand;
import uk.schoolsocial.account.official.command.ChangeAccountStatusCommand;
import uk.schoolsocial.account.official.command.ChangeAccountStatusCommand.Change;
import uk.schoolsocial.account.official.command.CredentialVault;
import uk.schoolsocial.account.official.command.ProvisionAccountCommand;
import uk.schoolsocial.account.official.command.PublishPolicyVersionCommand;
import uk.schoolsocial.account.official.command.RecordTrainingCommand;
import uk.schoolsocial.account.official.command.RevealCredentialsCommand;
import uk.schoolsocial.account.official.command.ReviewAccountCommand;
import uk.schoolsocial.account.official.command.StoreCredentialsCommand;
import uk.schoolsocial.account.official.query.AccountHistoryViewRepository;
import uk.schoolsocial.account.official.query.AccountView;
import uk.schoolsocial.account.official.query.AccountViewRepository;
import uk.schoolsocial.account.official.query.PolicyVersionView;
import uk.schoolsocial.account.official.query.PolicyVersionViewRepository;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.ETags;
import uk.schoolsocial.platform.web.KeysetPage;
import uk.schoolsocial.platform.web.ReadYourWrites;

/** Official accounts (ACC-4, ACC-5, ACC-9), as {@code account.yaml} defines them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountsController implements AccountsApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final AccountViewRepository views;
    private final AccountHistoryViewRepository history;
    private final PolicyVersionViewRepository policyVersions;

    AccountsController(CommandSender commands, CurrentActor current, AccountViewRepository views,
                       AccountHistoryViewRepository history, PolicyVersionViewRepository policyVersions) {
        this.commands = commands;
        this.current = current;
        this.views = views;
        this.history = history;
        this.policyVersions = policyVersions;
    }

    @Override
    @Secured(Roles.ACCOUNT_ADMIN)
    public HttpResponse<OfficialAccount> provisionAccount(ProvisionAccountRequest request, String idempotencyKey,
                                                          String correlationId) {
        Actor actor = current.get();
        String applicationId = request.getApplicationId().toString();
        AccountId id = AccountId.forApplication(applicationId);
        commands.send(new ProvisionAccountCommand(id, actor.schoolId(), applicationId, request.getHandle(),
                request.getDisplayName(), List.copyOf(request.getWhoMayPost()), request.getFollowersApproved(),
                request.getTaggingOff(), request.getAupLink()));
        // Provisioning applies two events: the account and its agreed settings.
        AccountView view = ReadYourWrites.await(() -> views.findById(id.value()), AccountView::version, 1);
        return HttpResponse.created(AccountMapper.toApi(view), URI.create("/api/v1/accounts/" + id.value()))
                .header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public AccountPage listAccounts(AccountStatus status, Boolean flagged, LocalDate reviewDueBy, String cursor,
                                    Integer limit) {
        Actor actor = current.get();
        KeysetPage<AccountView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> views.page(
                actor.schoolId(), status == null ? null : status.getValue(), flagged, reviewDueBy, afterAt, afterId,
                count), last -> new Cursor(last.provisionedAt(), last.id()));
        return new AccountPage(page.map(AccountMapper::toApi),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<PolicyVersion> publishPolicyVersion(PublishPolicyVersionRequest request, String idempotencyKey,
                                                            String correlationId) {
        Actor actor = current.get();
        int version = commands.send(new PublishPolicyVersionCommand(actor.schoolId(), request.getSummary()));
        PolicyVersionView published = ReadYourWrites.await(
                () -> policyVersions.findById(PolicyVersionView.key(actor.schoolId(), version)), PolicyVersionView::version,
                version);
        return HttpResponse.created(AccountMapper.toApi(published),
                URI.create("/api/v1/accounts/policy-versions/" + published.version()));
    }

    /** ACC-5: the version administrators acknowledge; 1 before the school publishes any. */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public PolicyVersion getCurrentPolicyVersion() {
        return policyVersions.findFirstBySchoolIdOrderByVersionDesc(current.get().schoolId())
                .map(AccountMapper::toApi).orElseGet(() -> new PolicyVersion(1));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public PolicyVersion getPolicyVersion(Integer version) {
        String schoolId = current.get().schoolId();
        return policyVersions.findById(PolicyVersionView.key(schoolId, version)).map(AccountMapper::toApi)
                .or(() -> version == 1 ? Optional.of(new PolicyVersion(1)) : Optional.empty())
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND,
                        "Your school has not published policy version " + version));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public HttpResponse<OfficialAccount> getAccount(UUID accountId) {
        AccountView view = visible(accountId);
        return HttpResponse.ok(AccountMapper.toApi(view)).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public AccountHistory getAccountHistory(UUID accountId) {
        AccountView view = visible(accountId);
        return new AccountHistory(history.findByAccountIdOrderBySequence(view.id()).stream()
                .map(AccountMapper::toApi).toList());
    }

    /** ACC-5: the caller acknowledges for themself. */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<OfficialAccount> acknowledgePolicy(UUID accountId, AcknowledgePolicyRequest request,
                                                           String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new AcknowledgePolicyCommand(new AccountId(accountId.toString()), actor.schoolId(),
                actor.id(), request.getPolicyVersion()));
        return answer(accountId, version);
    }

    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN})
    public HttpResponse<OfficialAccount> recordTraining(UUID accountId, RecordTrainingRequest request,
                                                        String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new RecordTrainingCommand(new AccountId(accountId.toString()), actor.schoolId(),
                request.getAdministratorId(), actor.id(), ETags.expectedVersion(ifMatch)));
        return answer(accountId, version);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<OfficialAccount> suspendAccount(UUID accountId, StatusChangeRequest request,
                                                        String idempotencyKey, String ifMatch, String correlationId) {
        return change(accountId, Change.SUSPEND, request.getReason(), ifMatch);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<OfficialAccount> reinstateAccount(UUID accountId, StatusChangeRequest request,
                                                          String idempotencyKey, String ifMatch, String correlationId) {
        return change(accountId, Change.REINSTATE, request.getReason(), ifMatch);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<OfficialAccount> closeAccount(UUID accountId, StatusChangeRequest request,
                                                      String idempotencyKey, String ifMatch, String correlationId) {
        return change(accountId, Change.CLOSE, request.getReason(), ifMatch);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<OfficialAccount> reviewAccount(UUID accountId, ReviewRequest request, String idempotencyKey,
                                                       String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new ReviewAccountCommand(new AccountId(accountId.toString()), actor.schoolId(),
                actor.id(), request.getNotes(), ETags.expectedVersion(ifMatch)));
        return answer(accountId, version);
    }

    /** ACC-6: the details go to the encrypted vault; the answer never contains them. */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<OfficialAccount> storeCredentials(UUID accountId, Credentials request, String idempotencyKey,
                                                          String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new StoreCredentialsCommand(new AccountId(accountId.toString()), actor.schoolId(),
                actor.id(), actor.hasRole(Roles.ACCOUNT_ADMIN),
                new CredentialVault.Credentials(request.getLogin().strip(), request.getSecret()),
                ETags.expectedVersion(ifMatch)));
        return answer(accountId, version);
    }

    /** ACC-6: an audited reveal, refused with an Idempotency-Key ({@link RevealWithoutKey}). */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<Credentials> revealCredentials(UUID accountId, RevealRequest request, String correlationId) {
        RevealWithoutKey.require();
        Actor actor = current.get();
        CredentialVault.Credentials revealed = commands.send(new RevealCredentialsCommand(
                new AccountId(accountId.toString()), actor.schoolId(), actor.id(), request.getReason()));
        return HttpResponse.ok(new Credentials(revealed.login(), revealed.secret())).header("Cache-Control", "no-store");
    }

    private HttpResponse<OfficialAccount> change(UUID accountId, Change change, String reason, String ifMatch) {
        Actor actor = current.get();
        long version = commands.send(new ChangeAccountStatusCommand(new AccountId(accountId.toString()), actor.schoolId(),
                change, reason, ETags.expectedVersion(ifMatch)));
        return answer(accountId, version);
    }

    private HttpResponse<OfficialAccount> answer(UUID accountId, long version) {
        AccountView view = ReadYourWrites.await(() -> views.findById(accountId.toString()), AccountView::version, version);
        return HttpResponse.ok(AccountMapper.toApi(view)).header("ETag", ETags.of(view.version()));
    }

    private AccountView visible(UUID accountId) {
        return views.findByIdAndSchoolId(accountId.toString(), current.get().schoolId())
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such account"));
    }
}
