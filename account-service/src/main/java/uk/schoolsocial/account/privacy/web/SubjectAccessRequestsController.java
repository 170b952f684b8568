package uk.schoolsocial.account.privacy.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.account.api.PrivacyApi;
import uk.schoolsocial.account.api.model.ExtendSubjectAccessRequest;
import uk.schoolsocial.account.api.model.FulfilSubjectAccessRequest;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.RegisterSubjectAccessRequest;
import uk.schoolsocial.account.api.model.SubjectAccessRequest;
import uk.schoolsocial.account.api.model.SubjectAccessRequestPage;
import uk.schoolsocial.account.api.model.SubjectAccessStatus;
import uk.schoolsocial.account.api.model.SubjectAccessSubjectType;
import uk.schoolsocial.account.privacy.command.ExtendSubjectAccessRequestCommand;
import uk.schoolsocial.account.privacy.command.FulfilSubjectAccessRequestCommand;
import uk.schoolsocial.account.privacy.command.RegisterSubjectAccessRequestCommand;
import uk.schoolsocial.account.privacy.command.SubjectAccessRequestId;
import uk.schoolsocial.account.privacy.command.SubjectAccessRule;
import uk.schoolsocial.account.privacy.query.SubjectAccessRequestView;
import uk.schoolsocial.account.privacy.query.SubjectAccessRequestViewRepository;
import uk.schoolsocial.events.account.DataSubject;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.ETags;
import uk.schoolsocial.platform.web.KeysetPage;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * The subject access request register (AUD-4, UK GDPR Art. 15 and 12(3)): SLT registers, extends and
 * fulfils; SLT and AUDITOR read. {@code overdue} is judged on today's date in the school's zone.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SubjectAccessRequestsController implements PrivacyApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final SubjectAccessRequestViewRepository views;
    private final Clock clock;
    private final SubjectAccessRule rule;

    SubjectAccessRequestsController(CommandSender commands, CurrentActor current,
                                    SubjectAccessRequestViewRepository views, Clock clock,
                                    @Value("${smp.account.zone:Europe/London}") String zone) {
        this.commands = commands;
        this.current = current;
        this.views = views;
        this.clock = clock;
        this.rule = new SubjectAccessRule(ZoneId.of(zone));
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<SubjectAccessRequest> registerSubjectAccessRequest(RegisterSubjectAccessRequest request,
                                                                           String idempotencyKey,
                                                                           String correlationId) {
        Actor actor = current.get();
        SubjectAccessRequestId id = SubjectAccessRequestId.create();
        commands.send(new RegisterSubjectAccessRequestCommand(id, actor.schoolId(), actor.id(),
                DataSubject.valueOf(request.getSubjectType().getValue()), request.getSubjectId(),
                request.getReceivedOn(), request.getRequestedBy()));
        SubjectAccessRequestView view = ReadYourWrites.await(() -> views.findById(id.value()),
                SubjectAccessRequestView::version, 0);
        return HttpResponse.created(toApi(view, today()), URI.create("/api/v1/privacy/requests/" + id.value()))
                .header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.SLT, Roles.AUDITOR})
    public SubjectAccessRequestPage listSubjectAccessRequests(SubjectAccessStatus status, Boolean overdue,
                                                              String cursor, Integer limit) {
        LocalDate today = today();
        KeysetPage<SubjectAccessRequestView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) ->
                views.page(current.get().schoolId(), status == null ? null : status.getValue(), overdue, today,
                        afterAt, afterId, count),
                last -> new Cursor(last.recordedAt(), last.id()));
        return new SubjectAccessRequestPage(page.map(view -> toApi(view, today)),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    @Override
    @Secured({Roles.SLT, Roles.AUDITOR})
    public HttpResponse<SubjectAccessRequest> getSubjectAccessRequest(UUID requestId) {
        SubjectAccessRequestView view = views.findByIdAndSchoolId(requestId.toString(), current.get().schoolId())
                .orElseThrow(PlatformError::noSuchRecord);
        return HttpResponse.ok(toApi(view, today())).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<SubjectAccessRequest> extendSubjectAccessRequest(UUID requestId,
                                                                         ExtendSubjectAccessRequest request,
                                                                         String idempotencyKey, String ifMatch,
                                                                         String correlationId) {
        Actor actor = current.get();
        String id = requestId.toString();
        long version = commands.send(new ExtendSubjectAccessRequestCommand(new SubjectAccessRequestId(id),
                actor.schoolId(), actor.id(), request.getReason(), request.getMonths(),
                ETags.expectedVersion(ifMatch)));
        return answer(id, version);
    }

    @Override
    @Secured(Roles.SLT)
    public HttpResponse<SubjectAccessRequest> fulfilSubjectAccessRequest(UUID requestId,
                                                                         FulfilSubjectAccessRequest request,
                                                                         String idempotencyKey, String ifMatch,
                                                                         String correlationId) {
        Actor actor = current.get();
        String id = requestId.toString();
        long version = commands.send(new FulfilSubjectAccessRequestCommand(new SubjectAccessRequestId(id),
                actor.schoolId(), actor.id(), request.getFulfilledOn(), ETags.expectedVersion(ifMatch)));
        return answer(id, version);
    }

    private HttpResponse<SubjectAccessRequest> answer(String id, long version) {
        SubjectAccessRequestView view = ReadYourWrites.await(() -> views.findById(id),
                SubjectAccessRequestView::version, version);
        return HttpResponse.ok(toApi(view, today())).header("ETag", ETags.of(view.version()));
    }

    private LocalDate today() {
        return rule.today(clock);
    }

    private static SubjectAccessRequest toApi(SubjectAccessRequestView view, LocalDate today) {
        SubjectAccessRequest api = new SubjectAccessRequest(UUID.fromString(view.id()), view.version(),
                SubjectAccessSubjectType.fromValue(view.subjectType()), view.subjectId(), view.receivedOn(),
                view.dueOn(), SubjectAccessStatus.fromValue(view.status()), view.overdueOn(today), view.recordedBy(),
                view.recordedAt().atZone(ZoneOffset.UTC));
        api.setRequestedBy(view.requestedBy());
        api.setExtensionMonths(view.extensionMonths());
        api.setExtensionReason(view.extensionReason());
        api.setExtendedBy(view.extendedBy());
        api.setFulfilledOn(view.fulfilledOn());
        api.setFulfilledBy(view.fulfilledBy());
        return api;
    }
}
