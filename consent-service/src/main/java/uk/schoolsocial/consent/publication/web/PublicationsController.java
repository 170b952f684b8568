package uk.schoolsocial.consent.publication.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import uk.schoolsocial.consent.api.PublicationsApi;
import uk.schoolsocial.consent.api.model.ListTakedownsStatusParameter;
import uk.schoolsocial.consent.api.model.Publication;
import uk.schoolsocial.consent.api.model.PublicationCheckRequest;
import uk.schoolsocial.consent.api.model.PublicationCheckResult;
import uk.schoolsocial.consent.api.model.PublicationList;
import uk.schoolsocial.consent.api.model.RecordTakedownRequest;
import uk.schoolsocial.consent.api.model.RegisterPublicationRequest;
import uk.schoolsocial.consent.publication.command.PublicationError;
import uk.schoolsocial.consent.publication.command.RecordTakedownCommand;
import uk.schoolsocial.consent.publication.command.RegisterPublicationCommand;
import uk.schoolsocial.consent.publication.query.PublicationCheck;
import uk.schoolsocial.consent.publication.query.PublicationContent;
import uk.schoolsocial.consent.publication.query.PublicationView;
import uk.schoolsocial.consent.publication.query.PublicationViewRepository;
import uk.schoolsocial.consent.publication.query.Verdict;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.ETags;

/**
 * The publication check (CON-4), register (CON-5) and takedowns (CON-2, CON-3, CON-6), as {@code consent.yaml}
 * defines them.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicationsController implements PublicationsApi {

    private static final String[] READERS = {Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR};

    private final CommandSender commands;
    private final CurrentActor current;
    private final PublicationCheck check;
    private final PublicationViewRepository publications;
    private final PublicationPages pages;

    PublicationsController(CommandSender commands, CurrentActor current, PublicationCheck check,
                           PublicationViewRepository publications, PublicationPages pages) {
        this.commands = commands;
        this.current = current;
        this.check = check;
        this.publications = publications;
        this.pages = pages;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.ACCOUNT_ADMIN})
    public PublicationCheckResult checkPublication(PublicationCheckRequest request) {
        PublicationContent content = PublicationMapper.content(request);
        return PublicationMapper.toApi(check.check(current.get().schoolId(), content), content);
    }

    /** CON-5: the check is re-run on the content sent, which must be the content the cited check was of. */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.ACCOUNT_ADMIN})
    public HttpResponse<Publication> registerPublication(RegisterPublicationRequest request, String idempotencyKey,
                                                         String correlationId) {
        Actor actor = current.get();
        PublicationContent content = PublicationMapper.content(request);
        Verdict verdict = check.check(actor.schoolId(), content);
        if (!verdict.checkId().equals(request.getCheckId())) {
            throw new DomainException(PublicationError.CHECK_NOT_PASSED, "checkId is not the id of this content",
                    List.of(new FieldError("checkId", "is not the id of this content; check this content first")));
        }
        if (!verdict.allowed()) {
            throw new DomainException(PublicationError.CHECK_NOT_PASSED,
                    "The publication check of this content did not pass; it cannot be registered",
                    verdict.reasons().stream().map(reason -> new FieldError(reason.field(), reason.code()
                            + (reason.pupilId() == null ? "" : " " + reason.pupilId()) + ": " + reason.detail())).toList());
        }
        String id = UUID.randomUUID().toString();
        commands.send(new RegisterPublicationCommand(id, actor.schoolId(), content.channel(),
                content.officialAccountId(), request.getLink().strip(), content.pupilIds(), request.getPublishedOn(),
                verdict.checkId(), true, actor.id()));
        Publication registered = pages.await(id, actor.schoolId(), 0);
        return HttpResponse.created(registered, URI.create("/api/v1/consents/publications?pupilId="
                + content.pupilIds().get(0))).header("ETag", ETags.of(0));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public PublicationList listPublications(String pupilId, String cursor, Integer limit) {
        Actor actor = current.get();
        // Newest first: a cursor resumes before its row.
        return pages.page(cursor, limit, (beforeAt, beforeId, count) -> pupilId == null
                ? publications.recent(actor.schoolId(), beforeAt, beforeId, count)
                : publications.featuring(actor.schoolId(), pupilId, beforeAt, beforeId, count),
                PublicationView::registeredAt);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public PublicationList listTakedowns(ListTakedownsStatusParameter status, String cursor, Integer limit) {
        List<String> statuses = status == ListTakedownsStatusParameter.DONE ? List.of(PublicationView.TAKEN_DOWN)
                : List.of(PublicationView.TAKEDOWN_OPEN);
        return pages.page(cursor, limit, (afterAt, afterId, count) -> publications.takedowns(
                current.get().schoolId(), statuses, afterAt, afterId, count), PublicationView::takedownOpenedAt);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.ACCOUNT_ADMIN})
    public HttpResponse<Publication> recordTakedown(UUID publicationId, RecordTakedownRequest request,
                                                    String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        String id = publicationId.toString();
        publications.findByIdAndSchoolId(id, actor.schoolId())
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such publication"));
        long version = commands.send(new RecordTakedownCommand(id, actor.schoolId(), request.getNote(), actor.id(),
                ETags.expectedVersion(ifMatch)));
        return HttpResponse.ok(pages.await(id, actor.schoolId(), version)).header("ETag", ETags.of(version));
    }
}
