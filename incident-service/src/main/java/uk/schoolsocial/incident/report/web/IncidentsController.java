package uk.schoolsocial.incident.report.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.incident.api.IncidentsApi;
import uk.schoolsocial.incident.api.model.IncidentAssignedRole;
import uk.schoolsocial.incident.api.model.IncidentPage;
import uk.schoolsocial.incident.api.model.IncidentRecord;
import uk.schoolsocial.incident.api.model.IncidentStatus;
import uk.schoolsocial.incident.api.model.PageInfo;
import uk.schoolsocial.incident.api.model.ReportIncidentRequest;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.report.command.ReportIncidentCommand;
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

/**
 * Incidents (INC-1, INC-2, INC-7), as {@code incident.yaml} defines them. Everyone in the school
 * community may report; AUDITOR and INTEGRATION may not, and read nothing here either, because
 * incidents are need-to-know (INC-7).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class IncidentsController implements IncidentsApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final IncidentViewRepository views;
    private final Clock clock;

    IncidentsController(CommandSender commands, CurrentActor current, IncidentViewRepository views, Clock clock) {
        this.commands = commands;
        this.current = current;
        this.views = views;
        this.clock = clock;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.PARENT})
    public HttpResponse<IncidentRecord> reportIncident(ReportIncidentRequest request, String idempotencyKey,
                                                       String correlationId) {
        Actor actor = current.get();
        IncidentId id = IncidentId.create();
        commands.send(new ReportIncidentCommand(id, actor.schoolId(), actor.id(),
                IncidentCategory.valueOf(request.getCategory().getValue()), request.getWhatHappened(),
                request.getOccurredAt().toInstant(), request.getPlatform(), request.getLocation(),
                request.getOfficialAccountInvolved(), request.getPeopleInvolved().stream()
                .map(p -> new InvolvedPerson(InvolvedPersonRole.valueOf(p.getRole().getValue()), p.getRosterId(),
                        p.getDescription())).toList()));
        // INC-1 and INC-3: a report is two events, the report and its assessment target.
        IncidentView view = ReadYourWrites.await(() -> views.findById(id.value()), IncidentView::version, 1);
        return HttpResponse.created(IncidentMapper.toApi(view, NeedToKnow.of(actor), clock.instant()),
                URI.create("/api/v1/incidents/" + id.value())).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.PARENT})
    public HttpResponse<IncidentRecord> getIncident(UUID incidentId) {
        Actor actor = current.get();
        NeedToKnow sight = NeedToKnow.of(actor);
        IncidentView view = views.findByIdAndSchoolId(incidentId.toString(), actor.schoolId())
                .flatMap(found -> sight.filter(found, actor))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such incident"));
        return HttpResponse.ok(IncidentMapper.toApi(view, sight, clock.instant())).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.PARENT})
    public IncidentPage listIncidents(IncidentStatus status,
                                      uk.schoolsocial.incident.api.model.IncidentCategory category,
                                      IncidentAssignedRole assignedRole, String ownerId, Boolean overdue,
                                      String cursor, Integer limit) {
        Actor actor = current.get();
        NeedToKnow sight = NeedToKnow.of(actor);
        KeysetPage<IncidentView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> views.page(
                actor.schoolId(), status == null ? null : status.getValue(),
                category == null ? null : category.getValue(), assignedRole == null ? null : assignedRole.getValue(),
                ownerId, overdue, sight.reporterFilter(actor), afterAt, afterId, count),
                last -> new Cursor(last.reportedAt(), last.id()));
        Instant now = clock.instant();
        return new IncidentPage(page.map(view -> IncidentMapper.toApi(view, sight, now)),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }
}
