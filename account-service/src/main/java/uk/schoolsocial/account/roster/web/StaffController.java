package uk.schoolsocial.account.roster.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.schoolsocial.account.api.StaffApi;
import uk.schoolsocial.account.api.model.AcknowledgePolicyRequest;
import uk.schoolsocial.account.api.model.MemberKind;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.RegisterVolunteerRequest;
import uk.schoolsocial.account.api.model.RosterSyncResult;
import uk.schoolsocial.account.api.model.StaffCorrection;
import uk.schoolsocial.account.api.model.StaffMember;
import uk.schoolsocial.account.api.model.StaffMemberSource;
import uk.schoolsocial.account.api.model.StaffPage;
import uk.schoolsocial.account.api.model.StaffRosterSync;
import uk.schoolsocial.account.official.command.AcknowledgePolicyAsStaffCommand;
import uk.schoolsocial.account.official.command.RecordStaffTrainingCommand;
import uk.schoolsocial.account.official.command.StaffFitness;
import uk.schoolsocial.account.official.query.StaffFitnessProjection;
import uk.schoolsocial.account.roster.command.CorrectStaffMemberCommand;
import uk.schoolsocial.account.roster.command.RegisterVolunteerCommand;
import uk.schoolsocial.account.roster.command.RosterId;
import uk.schoolsocial.account.roster.command.StaffRecord;
import uk.schoolsocial.account.roster.command.SyncResult;
import uk.schoolsocial.account.roster.command.SyncStaffRosterCommand;
import uk.schoolsocial.account.roster.query.StaffMemberView;
import uk.schoolsocial.account.roster.query.StaffMemberViewRepository;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.input.CsvUpload;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.KeysetPage;

/**
 * The staff roster (INT-1): MIS pushes, corrections by hand, volunteers. The roster look-up is
 * written in the command's transaction, so answers read it directly.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffController implements StaffApi {

    /** As many members as the JSON push takes (its maxItems). */
    private static final int MAX_MEMBERS = 5000;
    /** The columns of the CSV upload and the headers MIS exports give them (account.yaml lists them). */
    private static final List<CsvUpload.Column> CSV_COLUMNS = List.of(
            CsvUpload.Column.required("staffId", "staff id", "staff code", "employee id", "payroll number"),
            CsvUpload.Column.required("forename", "legal forename", "first name", "given name"),
            CsvUpload.Column.required("surname", "legal surname", "last name", "family name"),
            CsvUpload.Column.optional("leavingDate", "leaving date", "date of leaving", "end date"));

    private final CommandSender commands;
    private final CurrentActor current;
    private final StaffMemberViewRepository members;
    private final StaffFitnessProjection fitness;
    private final Validator validator;
    private final Clock clock;
    private final LeavingDates dates;

    StaffController(CommandSender commands, CurrentActor current, StaffMemberViewRepository members,
                    StaffFitnessProjection fitness, Validator validator, Clock clock, LeavingDates dates) {
        this.commands = commands;
        this.current = current;
        this.members = members;
        this.fitness = fitness;
        this.validator = validator;
        this.clock = clock;
        this.dates = dates;
    }

    @Override
    @Secured(Roles.INTEGRATION)
    public RosterSyncResult syncStaffRoster(StaffRosterSync request, String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        List<StaffRecord> records = request.getRecords().stream()
                .map(r -> new StaffRecord(r.getStaffId(), r.getForename(), r.getSurname(), r.getLeavingDate()))
                .toList();
        SyncResult result = commands.send(new SyncStaffRosterCommand(new RosterId(actor.schoolId()), records));
        return new RosterSyncResult(result.added(), result.updated(), result.left(), result.unchanged());
    }

    /**
     * The same push from the CSV an MIS exports (issue 18): each row becomes the record the JSON push
     * takes and meets the contract's rules; every bad cell is named by its row, and nothing is
     * recorded unless every row is good.
     */
    @Override
    @Secured(Roles.INTEGRATION)
    public RosterSyncResult syncStaffRosterCsv(String body, String idempotencyKey, String correlationId) {
        List<CsvUpload.Row> rows = CsvUpload.read(body, CSV_COLUMNS, MAX_MEMBERS);
        List<FieldError> errors = new ArrayList<>();
        List<uk.schoolsocial.account.api.model.StaffRecord> records = new ArrayList<>();
        for (CsvUpload.Row row : rows) {
            var record = new uk.schoolsocial.account.api.model.StaffRecord(row.cell("staffId").orElse(null),
                    row.cell("forename").orElse(null), row.cell("surname").orElse(null));
            record.setLeavingDate(row.date("leavingDate", errors).orElse(null));
            row.check(validator, record, errors);
            records.add(record);
        }
        if (!errors.isEmpty()) {
            throw CsvUpload.refused(errors);
        }
        return syncStaffRoster(new StaffRosterSync(records), idempotencyKey, correlationId);
    }

    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN})
    public HttpResponse<StaffMember> registerVolunteer(RegisterVolunteerRequest request, String idempotencyKey,
                                                       String correlationId) {
        Actor actor = current.get();
        commands.send(new RegisterVolunteerCommand(new RosterId(actor.schoolId()), request.getVolunteerId(),
                request.getForename(), request.getSurname()));
        return HttpResponse.created(member(actor, request.getVolunteerId()),
                URI.create("/api/v1/staff/" + request.getVolunteerId()));
    }

    @Override
    @Secured(Roles.SLT)
    public StaffMember correctStaffMember(String staffId, StaffCorrection request, String idempotencyKey,
                                          String correlationId) {
        Actor actor = current.get();
        commands.send(new CorrectStaffMemberCommand(new RosterId(actor.schoolId()),
                new StaffRecord(staffId, request.getForename(), request.getSurname(), request.getLeavingDate())));
        return member(actor, staffId);
    }

    /** ACC-5, ACC-7: fit to take an account over at a handover without running one first. */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public StaffMember acknowledgePolicyAsStaff(String staffId, AcknowledgePolicyRequest request, String idempotencyKey,
                                                String correlationId) {
        Actor actor = current.get();
        requireOnRoster(actor, staffId);
        commands.send(new AcknowledgePolicyAsStaffCommand(actor.schoolId(), staffId, request.getPolicyVersion(),
                actor.id()));
        return member(actor, staffId);
    }

    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN})
    public StaffMember recordStaffTraining(String staffId, String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        requireOnRoster(actor, staffId);
        commands.send(new RecordStaffTrainingCommand(actor.schoolId(), staffId, actor.id()));
        return member(actor, staffId);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR, Roles.INTEGRATION})
    public StaffMember getStaffMember(String staffId) {
        return member(current.get(), staffId);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR, Roles.INTEGRATION})
    public StaffPage listStaff(MemberKind kind, Boolean currentOnly, String cursor, Integer limit) {
        Actor actor = current.get();
        LocalDate today = dates.today(clock.instant());
        KeysetPage<StaffMemberView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> members.page(
                actor.schoolId(), kind == null ? null : kind.getValue(), currentOnly, today, afterAt, afterId, count),
                last -> new Cursor(last.firstRecordedAt(), last.staffId()));
        Map<String, StaffFitness.Record> records = fitness.of(actor.schoolId(),
                page.items().stream().map(StaffMemberView::staffId).toList());
        return new StaffPage(page.map(row -> toApi(row, records.getOrDefault(row.staffId(),
                StaffFitness.Record.NONE), today)), new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    private void requireOnRoster(Actor actor, String staffId) {
        if (!members.existsById(StaffMemberView.key(actor.schoolId(), staffId))) {
            throw new DomainException(PlatformError.NOT_FOUND, "No such member of staff");
        }
    }

    private StaffMember member(Actor actor, String staffId) {
        return members.findById(StaffMemberView.key(actor.schoolId(), staffId))
                .map(view -> toApi(view, fitness.of(actor.schoolId(), staffId), dates.today(clock.instant())))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such member of staff"));
    }

    /** ACC-7: {@code current} on the school's {@code today}: a member on notice is current until their leaving date ends. */
    private static StaffMember toApi(StaffMemberView view, StaffFitness.Record fitness, LocalDate today) {
        StaffMember api = new StaffMember(view.staffId(), MemberKind.fromValue(view.kind()), view.forename(),
                view.surname(), view.currentOn(today), StaffMemberSource.fromValue(view.source()),
                view.updatedAt().atZone(ZoneOffset.UTC), fitness.acknowledgedVersion(), fitness.trained());
        api.setLeavingDate(view.leavingDate());
        return api;
    }
}
