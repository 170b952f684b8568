package uk.schoolsocial.incident.takedown.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.schoolsocial.incident.api.TakedownsApi;
import uk.schoolsocial.incident.api.model.IncidentTakedownEntry;
import uk.schoolsocial.incident.api.model.IncidentTakedownPage;
import uk.schoolsocial.incident.api.model.IncidentTakedownState;
import uk.schoolsocial.incident.api.model.PageInfo;
import uk.schoolsocial.incident.api.model.SetTakedownPeriodRequest;
import uk.schoolsocial.incident.api.model.TakedownPeriod;
import uk.schoolsocial.incident.api.model.TakedownPeriodList;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;
import uk.schoolsocial.incident.casefile.query.CaseNotes;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.casefile.web.CaseNotesMapper;
import uk.schoolsocial.incident.takedown.command.SetTakedownPeriodCommand;
import uk.schoolsocial.incident.takedown.query.TakedownPeriodRepository;
import uk.schoolsocial.incident.takedown.query.TakedownRow;
import uk.schoolsocial.incident.takedown.query.TakedownRowRepository;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.KeysetPage;

/**
 * INC-5 across a school's incidents: every takedown request with its due time, the overdue ones
 * to chase, and the school's period per platform, which SLT sets. Takedowns are part of the case
 * files, so only the DSL and SLT read them (INC-7).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TakedownsController implements TakedownsApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final TakedownRowRepository takedowns;
    private final IncidentViewRepository views;
    private final TakedownPeriodRepository periods;
    private final IncidentTimings timings;
    private final Clock clock;

    TakedownsController(CommandSender commands, CurrentActor current, TakedownRowRepository takedowns,
                        IncidentViewRepository views, TakedownPeriodRepository periods, IncidentTimings timings,
                        Clock clock) {
        this.commands = commands;
        this.current = current;
        this.takedowns = takedowns;
        this.views = views;
        this.periods = periods;
        this.timings = timings;
        this.clock = clock;
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public IncidentTakedownPage listIncidentTakedowns(Boolean overdue, IncidentTakedownState state, String cursor,
                                                      Integer limit) {
        String school = current.get().schoolId();
        Instant now = clock.instant();
        KeysetPage<TakedownRow> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> takedowns.page(
                school, state == null ? null : state.getValue(), overdue, now, afterAt, afterId, count),
                last -> new Cursor(last.requestedAt(), last.id()));
        // Who was asked and the notes are in the case file (erasure clears them there).
        List<String> incidents = page.items().stream().map(TakedownRow::incidentId).distinct().toList();
        Map<String, IncidentView> cases = incidents.isEmpty() ? Map.of() : views.findByIdIn(incidents).stream()
                .collect(Collectors.toMap(IncidentView::id, Function.identity()));
        return new IncidentTakedownPage(page.map(row -> new IncidentTakedownEntry(
                UUID.fromString(row.incidentId()), CaseNotesMapper.takedown(caseNote(row, cases.get(row.incidentId())),
                now))), new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public TakedownPeriodList getTakedownPeriods() {
        return periodsOf(current.get().schoolId());
    }

    /** The periods' look-up is written in the command's transaction, so the answer reads it directly. */
    @Override
    @Secured({Roles.SLT})
    public TakedownPeriodList setTakedownPeriod(SetTakedownPeriodRequest request, String idempotencyKey,
                                                String correlationId) {
        Actor actor = current.get();
        commands.send(new SetTakedownPeriodCommand(actor.schoolId(), actor.id(), request.getPlatform(),
                request.getHours()));
        return periodsOf(actor.schoolId());
    }

    /** The case file's copy of the request, or the index's while the case file has not caught up. */
    private static CaseNotes.Takedown caseNote(TakedownRow row, IncidentView view) {
        return view == null ? row.asCaseNote() : view.takedownList().stream()
                .filter(t -> t.id().equals(row.id())).findFirst().orElseGet(row::asCaseNote);
    }

    private TakedownPeriodList periodsOf(String school) {
        return new TakedownPeriodList(timings.takedownEscalateAfter().toString(),
                periods.findBySchoolIdOrderByPlatformKey(school).stream()
                        .map(row -> new TakedownPeriod(row.platform(), row.hours(), row.setBy(),
                                row.setAt().atZone(ZoneOffset.UTC)))
                        .toList());
    }
}
