package uk.schoolsocial.account.application.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.schoolsocial.account.api.ApplicationsApi;
import uk.schoolsocial.account.api.model.AccountApplication;
import uk.schoolsocial.account.api.model.ApplicationPage;
import uk.schoolsocial.account.api.model.ApplicationStatus;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.ApplicationRevisionList;
import uk.schoolsocial.account.api.model.DecisionRequest;
import uk.schoolsocial.account.api.model.SubmitApplicationRequest;
import uk.schoolsocial.account.api.model.WithdrawApplicationRequest;
import uk.schoolsocial.account.application.command.ApplicationId;
import uk.schoolsocial.account.application.command.ApproveApplicationCommand;
import uk.schoolsocial.account.application.command.NameClashAcceptance;
import uk.schoolsocial.account.application.command.ProposedCase;
import uk.schoolsocial.account.application.command.RejectApplicationCommand;
import uk.schoolsocial.account.application.command.ResubmitApplicationCommand;
import uk.schoolsocial.account.application.command.SubmitApplicationCommand;
import uk.schoolsocial.account.application.command.WithdrawApplicationCommand;
import uk.schoolsocial.account.application.query.ApplicationView;
import uk.schoolsocial.account.application.query.ApplicationRevisionViewRepository;
import uk.schoolsocial.account.application.query.ApplicationViewRepository;
import uk.schoolsocial.account.application.query.NameClashAcceptanceView;
import uk.schoolsocial.account.application.query.NameClashAcceptanceViewRepository;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
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

/** Applications for official accounts (ACC-1, ACC-2, ACC-3), as {@code account.yaml} defines them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationsController implements ApplicationsApi {

    /** Roles that see every application of their school; others see their own. */
    private static final String[] SEE_ALL = {Roles.SLT, Roles.ACCOUNT_ADMIN, Roles.AUDITOR};

    private final CommandSender commands;
    private final CurrentActor current;
    private final ApplicationViewRepository views;
    private final ApplicationRevisionViewRepository revisions;
    private final NameClashAcceptanceViewRepository acceptances;

    ApplicationsController(CommandSender commands, CurrentActor current, ApplicationViewRepository views,
                           ApplicationRevisionViewRepository revisions, NameClashAcceptanceViewRepository acceptances) {
        this.commands = commands;
        this.current = current;
        this.views = views;
        this.revisions = revisions;
        this.acceptances = acceptances;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<AccountApplication> submitApplication(SubmitApplicationRequest request, String idempotencyKey,
                                                              String correlationId) {
        Actor actor = current.get();
        ApplicationId id = ApplicationId.create();
        ProposedCase proposal = proposal(actor, request);
        commands.send(new SubmitApplicationCommand(id, proposal));
        // the submission is event 0, each accepted name clash one more (ACC-3)
        ApplicationView view = ReadYourWrites.await(() -> views.findById(id.value()), ApplicationView::version,
                proposal.nameClashAcceptances().size());
        return HttpResponse.created(toApi(view), URI.create("/api/v1/applications/" + id.value()))
                .header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public HttpResponse<AccountApplication> getApplication(UUID applicationId) {
        ApplicationView view = visible(applicationId.toString());
        return HttpResponse.ok(toApi(view)).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public ApplicationPage listApplications(ApplicationStatus status, String cursor, Integer limit) {
        Actor actor = current.get();
        KeysetPage<ApplicationView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> views.page(
                actor.schoolId(), status == null ? null : status.getValue(),
                actor.hasAnyRole(SEE_ALL) ? null : actor.id(), afterAt, afterId, count),
                last -> new Cursor(last.submittedAt(), last.id()));
        List<ApplicationView> rows = page.items();
        Map<String, List<NameClashAcceptanceView>> accepted = rows.isEmpty() ? Map.of()
                : acceptances.findByApplicationIdInOrderByAcceptedAt(rows.stream().map(ApplicationView::id).toList())
                        .stream().collect(Collectors.groupingBy(NameClashAcceptanceView::applicationId));
        return new ApplicationPage(page.map(row -> ApplicationMapper.toApi(row, accepted.getOrDefault(row.id(),
                List.of()))), new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<AccountApplication> withdrawApplication(UUID applicationId, WithdrawApplicationRequest request,
                                                                String idempotencyKey, String ifMatch,
                                                                String correlationId) {
        return decide(applicationId, request.getReason(), ifMatch, WithdrawApplicationCommand::new);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<AccountApplication> approveApplication(UUID applicationId, DecisionRequest request,
                                                               String idempotencyKey, String ifMatch,
                                                               String correlationId) {
        return decide(applicationId, request.getReason(), ifMatch, ApproveApplicationCommand::new);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<AccountApplication> rejectApplication(UUID applicationId, DecisionRequest request,
                                                              String idempotencyKey, String ifMatch,
                                                              String correlationId) {
        return decide(applicationId, request.getReason(), ifMatch, RejectApplicationCommand::new);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<AccountApplication> resubmitApplication(UUID applicationId, SubmitApplicationRequest request,
                                                                String idempotencyKey, String ifMatch,
                                                                String correlationId) {
        Actor actor = current.get();
        String id = applicationId.toString();
        long version = commands.send(new ResubmitApplicationCommand(new ApplicationId(id), proposal(actor, request),
                ETags.expectedVersion(ifMatch)));
        return answer(id, version);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public ApplicationRevisionList listApplicationRevisions(UUID applicationId) {
        ApplicationView view = visible(applicationId.toString());
        return new ApplicationRevisionList(revisions.findByApplicationIdOrderByRevision(view.id()).stream()
                .map(ApplicationMapper::toApi).toList());
    }

    /** The shape every decision on an application shares: who decides, why, and on which version. */
    @FunctionalInterface
    private interface Decision {
        Object command(ApplicationId id, String schoolId, String actorId, String reason, Long expectedVersion);
    }

    /** Sends a decision with its reason as audit metadata, and answers with the record as it now stands. */
    private HttpResponse<AccountApplication> decide(UUID applicationId, String reason, String ifMatch, Decision decision) {
        Actor actor = current.get();
        String id = applicationId.toString();
        long version = commands.send(decision.command(new ApplicationId(id), actor.schoolId(), actor.id(), reason,
                ETags.expectedVersion(ifMatch)));
        return answer(id, version);
    }

    private HttpResponse<AccountApplication> answer(String id, long version) {
        ApplicationView view = ReadYourWrites.await(() -> views.findById(id), ApplicationView::version, version);
        return HttpResponse.ok(toApi(view)).header("ETag", ETags.of(view.version()));
    }

    /** The application with the name clashes SLT accepted for it (ACC-3). */
    private AccountApplication toApi(ApplicationView view) {
        return ApplicationMapper.toApi(view, acceptances.findByApplicationIdInOrderByAcceptedAt(List.of(view.id())));
    }

    /** The business case as the actor proposes it, submitted or resubmitted; the aggregate checks it. */
    private static ProposedCase proposal(Actor actor, SubmitApplicationRequest request) {
        return new ProposedCase(actor.schoolId(), actor.id(), AccountPlatform.valueOf(request.getPlatform().getValue()),
                request.getProposedName(), request.getProposedHandle(), request.getAim(), request.getAudience(),
                request.getPromotion(), List.copyOf(request.getAdministrators()),
                AccountPrivacy.valueOf(request.getPrivacy().getValue()), request.getPrivacyReason(),
                actor.hasRole(Roles.SLT), acceptances(request));
    }

    /** ACC-3: what the request accepts; the aggregate checks who may and that each is a clash. */
    private static List<NameClashAcceptance> acceptances(SubmitApplicationRequest request) {
        return request.getNameClashAcceptances() == null ? List.of() : request.getNameClashAcceptances().stream()
                .map(a -> new NameClashAcceptance(a.getWord(), a.getReason())).toList();
    }

    private ApplicationView visible(String id) {
        Actor actor = current.get();
        return views.findByIdAndSchoolId(id, actor.schoolId())
                .filter(view -> actor.hasAnyRole(SEE_ALL) || view.applicantId().equals(actor.id()))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such application"));
    }
}
