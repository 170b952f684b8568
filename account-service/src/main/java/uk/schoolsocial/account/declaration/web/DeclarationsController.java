package uk.schoolsocial.account.declaration.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.account.api.DeclarationsApi;
import uk.schoolsocial.account.api.model.DecisionRequest;
import uk.schoolsocial.account.api.model.DeclarationPage;
import uk.schoolsocial.account.api.model.DeclarationStatus;
import uk.schoolsocial.account.api.model.DeclareRelationshipRequest;
import uk.schoolsocial.account.api.model.DeclareRelationshipRequestNature;
import uk.schoolsocial.account.api.model.DeclareRelationshipRequestRelatedTo;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.RelationshipDeclaration;
import uk.schoolsocial.account.declaration.command.DecideRelationshipCommand;
import uk.schoolsocial.account.declaration.command.DeclarationId;
import uk.schoolsocial.account.declaration.command.DeclareRelationshipCommand;
import uk.schoolsocial.account.declaration.query.DeclarationView;
import uk.schoolsocial.account.declaration.query.DeclarationViewRepository;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.KeysetPage;
import uk.schoolsocial.platform.web.ReadYourWrites;

/** Relationship declarations (ACC-10): anyone on the staff declares; SLT decides; SLT and the DSL read. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class DeclarationsController implements DeclarationsApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final DeclarationViewRepository views;

    DeclarationsController(CommandSender commands, CurrentActor current, DeclarationViewRepository views) {
        this.commands = commands;
        this.current = current;
        this.views = views;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<RelationshipDeclaration> declareRelationship(DeclareRelationshipRequest request,
                                                                     String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        DeclarationId id = DeclarationId.create();
        commands.send(new DeclareRelationshipCommand(id, actor.schoolId(), actor.id(), request.getRelatedTo().getValue(),
                request.getPersonName(), request.getNature().getValue(), request.getDetails()));
        DeclarationView view = ReadYourWrites.await(() -> views.findById(id.value()), DeclarationView::version, 0);
        return HttpResponse.created(toApi(view), URI.create("/api/v1/staff/declarations/" + id.value()));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public DeclarationPage listDeclarations(DeclarationStatus status, String cursor, Integer limit) {
        Actor actor = current.get();
        KeysetPage<DeclarationView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> views.page(
                actor.schoolId(), status == null ? null : status.getValue(), afterAt, afterId, count),
                last -> new Cursor(last.declaredAt(), last.id()));
        return new DeclarationPage(page.map(DeclarationsController::toApi),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public RelationshipDeclaration getDeclaration(UUID declarationId) {
        return views.findByIdAndSchoolId(declarationId.toString(), current.get().schoolId())
                .map(DeclarationsController::toApi)
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such declaration"));
    }

    @Override
    @Secured(Roles.SLT)
    public RelationshipDeclaration approveDeclaration(UUID declarationId, DecisionRequest request,
                                                      String idempotencyKey, String correlationId) {
        return decide(declarationId, true, request.getReason());
    }

    @Override
    @Secured(Roles.SLT)
    public RelationshipDeclaration refuseDeclaration(UUID declarationId, DecisionRequest request,
                                                     String idempotencyKey, String correlationId) {
        return decide(declarationId, false, request.getReason());
    }

    private RelationshipDeclaration decide(UUID declarationId, boolean approve, String reason) {
        Actor actor = current.get();
        String id = declarationId.toString();
        long version = commands.send(new DecideRelationshipCommand(new DeclarationId(id), actor.schoolId(), actor.id(),
                approve, reason));
        return toApi(ReadYourWrites.await(() -> views.findById(id), DeclarationView::version, version));
    }

    private static RelationshipDeclaration toApi(DeclarationView view) {
        RelationshipDeclaration api = new RelationshipDeclaration(UUID.fromString(view.id()), view.staffId(),
                DeclareRelationshipRequestRelatedTo.fromValue(view.relatedTo()), view.personName(),
                DeclareRelationshipRequestNature.fromValue(view.nature()), DeclarationStatus.fromValue(view.status()),
                view.declaredAt().atZone(ZoneOffset.UTC));
        api.setDetails(view.details());
        api.setDecidedBy(view.decidedBy());
        api.setReason(view.reason());
        if (view.decidedAt() != null) {
            api.setDecidedAt(view.decidedAt().atZone(ZoneOffset.UTC));
        }
        return api;
    }
}
