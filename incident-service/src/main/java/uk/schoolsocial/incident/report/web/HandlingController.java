package uk.schoolsocial.incident.report.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.Severity;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.incident.api.HandlingApi;
import uk.schoolsocial.incident.api.model.AbandonTakedownRequest;
import uk.schoolsocial.incident.api.model.AssessIncidentRequest;
import uk.schoolsocial.incident.api.model.CloseIncidentRequest;
import uk.schoolsocial.incident.api.model.ConfirmTakedownRequest;
import uk.schoolsocial.incident.api.model.IncidentCase;
import uk.schoolsocial.incident.api.model.IncidentEscalation;
import uk.schoolsocial.incident.api.model.IncidentHistory;
import uk.schoolsocial.incident.api.model.IncidentTakedown;
import uk.schoolsocial.incident.api.model.RecordEscalationRequest;
import uk.schoolsocial.incident.api.model.RecordEscalationResponseRequest;
import uk.schoolsocial.incident.api.model.ReopenIncidentRequest;
import uk.schoolsocial.incident.api.model.RequestTakedownRequest;
import uk.schoolsocial.incident.assessment.command.AssessIncidentCommand;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.query.HistoryRepository;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.casefile.web.CaseNotesMapper;
import uk.schoolsocial.incident.escalation.command.RecordEscalationCommand;
import uk.schoolsocial.incident.escalation.command.RecordEscalationResponseCommand;
import uk.schoolsocial.incident.report.command.CloseIncidentCommand;
import uk.schoolsocial.incident.report.command.ReopenIncidentCommand;
import uk.schoolsocial.incident.takedown.command.RequestTakedownCommand;
import uk.schoolsocial.incident.takedown.command.SettleTakedownCommand;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.ETags;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * Handling an incident (INC-3 to INC-6), as {@code incident.yaml} defines it: only the DSL and SLT
 * handle incidents and read their history, which is part of the case file (INC-7). The aggregate
 * answers 404 for another school's incident.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class HandlingController implements HandlingApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final IncidentViewRepository views;
    private final HistoryRepository history;
    private final Clock clock;

    HandlingController(CommandSender commands, CurrentActor current, IncidentViewRepository views,
                       HistoryRepository history, Clock clock) {
        this.commands = commands;
        this.current = current;
        this.views = views;
        this.history = history;
        this.clock = clock;
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> assessIncident(UUID incidentId, AssessIncidentRequest request,
                                                     String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        AssignedRole role = actor.hasRole(Roles.DSL) ? AssignedRole.DSL : AssignedRole.SLT;
        return answer(incidentId, commands.send(new AssessIncidentCommand(id(incidentId), actor.schoolId(), actor.id(),
                role, Severity.valueOf(request.getSeverity().getValue()), request.getSafeguarding(),
                request.getPossiblyIllegal(), InvolvedPersonRole.valueOf(request.getPosterType().getValue()),
                AssessmentRoute.valueOf(request.getRoute().getValue()), request.getNotes(),
                ETags.expectedVersion(ifMatch))));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> recordEscalation(UUID incidentId, RecordEscalationRequest request,
                                                       String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        String escalationId = UUID.randomUUID().toString();
        return created(incidentId, commands.send(new RecordEscalationCommand(id(incidentId), actor.schoolId(),
                actor.id(), escalationId, EscalationBody.valueOf(request.getBody().getValue()),
                request.getEscalatedAt().toInstant(), request.getExternalReference(), request.getDetails(),
                ETags.expectedVersion(ifMatch))), "escalations", escalationId);
    }

    /** Where a recorded escalation's Location points (INC-4); case-file readers only (INC-7). */
    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentEscalation> getIncidentEscalation(UUID incidentId, UUID escalationId) {
        return entryOf(incidentId, IncidentCase::getEscalations, IncidentEscalation::getId, escalationId,
                "No such escalation");
    }

    /** Where a recorded takedown request's Location points (INC-5); case-file readers only (INC-7). */
    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentTakedown> getIncidentTakedown(UUID incidentId, UUID takedownId) {
        return entryOf(incidentId, IncidentCase::getTakedowns, IncidentTakedown::getId, takedownId,
                "No such takedown request");
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> recordEscalationResponse(UUID incidentId, UUID escalationId,
                                                               RecordEscalationResponseRequest request,
                                                               String idempotencyKey, String ifMatch,
                                                               String correlationId) {
        Actor actor = current.get();
        return answer(incidentId, commands.send(new RecordEscalationResponseCommand(id(incidentId), actor.schoolId(),
                actor.id(), escalationId.toString(), request.getResponse(), request.getExternalReference(),
                ETags.expectedVersion(ifMatch))));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> requestTakedown(UUID incidentId, RequestTakedownRequest request,
                                                      String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        String takedownId = UUID.randomUUID().toString();
        return created(incidentId, commands.send(new RequestTakedownCommand(id(incidentId), actor.schoolId(),
                actor.id(), takedownId, TakedownAddressee.valueOf(request.getAddressee().getValue()),
                request.getAddressedTo(), request.getReference(), ETags.expectedVersion(ifMatch))),
                "takedowns", takedownId);
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> confirmTakedownRemoval(UUID incidentId, UUID takedownId,
                                                             ConfirmTakedownRequest request, String idempotencyKey,
                                                             String ifMatch, String correlationId) {
        Actor actor = current.get();
        return answer(incidentId, commands.send(new SettleTakedownCommand(id(incidentId), actor.schoolId(), actor.id(),
                takedownId.toString(), true, request.getNote(), ETags.expectedVersion(ifMatch))));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> abandonTakedown(UUID incidentId, UUID takedownId,
                                                      AbandonTakedownRequest request, String idempotencyKey,
                                                      String ifMatch, String correlationId) {
        Actor actor = current.get();
        return answer(incidentId, commands.send(new SettleTakedownCommand(id(incidentId), actor.schoolId(), actor.id(),
                takedownId.toString(), false, request.getReason(), ETags.expectedVersion(ifMatch))));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> closeIncident(UUID incidentId, CloseIncidentRequest request,
                                                    String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        return answer(incidentId, commands.send(new CloseIncidentCommand(id(incidentId), actor.schoolId(), actor.id(),
                request.getOutcome(), request.getActionsTaken(), ETags.expectedVersion(ifMatch))));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<IncidentCase> reopenIncident(UUID incidentId, ReopenIncidentRequest request,
                                                     String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        return answer(incidentId, commands.send(new ReopenIncidentCommand(id(incidentId), actor.schoolId(), actor.id(),
                request.getReason(), ETags.expectedVersion(ifMatch))));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public IncidentHistory getIncidentHistory(UUID incidentId) {
        Actor actor = current.get();
        var rows = history.findByIncidentIdAndSchoolIdOrderBySeq(incidentId.toString(), actor.schoolId());
        if (rows.isEmpty()) {
            throw new DomainException(PlatformError.NOT_FOUND, "No such incident");
        }
        return new IncidentHistory(rows.stream().map(CaseNotesMapper::history).toList());
    }

    private static IncidentId id(UUID incidentId) {
        return new IncidentId(incidentId.toString());
    }

    /** The case file once the projection reached the version the command produced. */
    /** One entry of the incident's case file (an escalation, a takedown request), with the incident's ETag. */
    private <T> HttpResponse<T> entryOf(UUID incidentId, Function<IncidentCase, List<T>> entries,
                                        Function<T, UUID> idOf, UUID entryId, String missing) {
        IncidentView view = views.findByIdAndSchoolId(incidentId.toString(), current.get().schoolId())
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such incident"));
        T entry = entries.apply(IncidentMapper.caseFile(view, clock.instant())).stream()
                .filter(each -> idOf.apply(each).equals(entryId))
                .findFirst()
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, missing));
        return HttpResponse.ok(entry).header("ETag", ETags.of(view.version()));
    }

    /** The case file once the command's version is readable, with its ETag. */
    private HttpResponse<IncidentCase> answer(UUID incidentId, Long version) {
        return answer(HttpResponse.ok(), incidentId, version);
    }

    /** A new entry of the case file: 201, Location the entry, the case file as it now stands. */
    private HttpResponse<IncidentCase> created(UUID incidentId, Long version, String entries, String entryId) {
        return answer(HttpResponse.created(URI.create("/api/v1/incidents/" + incidentId + "/" + entries + "/"
                + entryId)), incidentId, version);
    }

    private HttpResponse<IncidentCase> answer(MutableHttpResponse<IncidentCase> response, UUID incidentId,
                                              Long version) {
        IncidentView view = ReadYourWrites.await(() -> views.findById(incidentId.toString()), IncidentView::version,
                version);
        return response.body(IncidentMapper.caseFile(view, clock.instant())).header("ETag", ETags.of(view.version()));
    }
}
