package uk.schoolsocial.consent.consent.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import uk.schoolsocial.consent.api.RosterApi;
import uk.schoolsocial.consent.api.model.RosterPupil;
import uk.schoolsocial.consent.api.model.RosterPush;
import uk.schoolsocial.consent.api.model.RosterPushResult;
import uk.schoolsocial.consent.consent.command.AcademicYears;
import uk.schoolsocial.consent.consent.command.PupilConsentId;
import uk.schoolsocial.consent.consent.command.RosterOutcome;
import uk.schoolsocial.consent.consent.command.RosterPupilCommand;
import uk.schoolsocial.consent.consent.command.RosterRules;
import uk.schoolsocial.consent.consent.query.PupilView;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.input.CsvUpload;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * CON-6: the MIS pushes its roster. Each pupil is one command on the pupil's record, which adds
 * events only for what changed; the answer waits until every changed pupil is readable.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RosterController implements RosterApi {

    /** As many pupils as the JSON push takes (its maxItems). */
    private static final int MAX_PUPILS = 1000;
    /** The columns of the CSV upload and the headers MIS exports give them (consent.yaml lists them). */
    private static final List<CsvUpload.Column> CSV_COLUMNS = List.of(
            CsvUpload.Column.required("pupilId", "pupil id", "upn", "admission number", "adno"),
            CsvUpload.Column.required("forename", "legal forename", "first name", "given name"),
            CsvUpload.Column.required("surname", "legal surname", "last name", "family name"),
            CsvUpload.Column.required("yearGroup", "year", "year group", "ncyear"),
            CsvUpload.Column.required("dateOfBirth", "dob", "date of birth"),
            CsvUpload.Column.required("parentalResponsibility", "parental responsibility",
                    "contacts with parental responsibility"),
            CsvUpload.Column.optional("leavingDate", "leaving date", "date of leaving", "left on"));

    private final CommandSender commands;
    private final CurrentActor current;
    private final PupilViewRepository pupils;
    private final AcademicYears academicYears;
    private final Clock clock;
    private final Validator validator;

    RosterController(CommandSender commands, CurrentActor current, PupilViewRepository pupils,
                     AcademicYears academicYears, Clock clock, Validator validator) {
        this.commands = commands;
        this.current = current;
        this.pupils = pupils;
        this.academicYears = academicYears;
        this.clock = clock;
        this.validator = validator;
    }

    @Override
    @Secured(Roles.INTEGRATION)
    public RosterPushResult pushRoster(RosterPush push, String idempotencyKey, String correlationId) {
        List<RosterPupil> entries = push.getRecords();
        requirePossibleEntries(entries, i -> "records[" + i + "].");
        return record(entries);
    }

    /**
     * The same push from the CSV an MIS exports (issue 18): each row becomes the entry the JSON push
     * takes and meets the same rules (the contract's, then {@link #requirePossibleEntries}); every
     * bad cell is named by its row, and nothing is recorded unless every row is good.
     */
    @Override
    @Secured(Roles.INTEGRATION)
    public RosterPushResult pushRosterCsv(String body, String idempotencyKey, String correlationId) {
        List<CsvUpload.Row> rows = CsvUpload.read(body, CSV_COLUMNS, MAX_PUPILS);
        List<FieldError> errors = new ArrayList<>();
        List<RosterPupil> entries = new ArrayList<>();
        for (CsvUpload.Row row : rows) {
            RosterPupil entry = new RosterPupil(row.cell("pupilId").orElse(null), row.cell("forename").orElse(null),
                    row.cell("surname").orElse(null), row.cell("yearGroup").orElse(null),
                    row.date("dateOfBirth", errors).orElse(null),
                    row.cell("parentalResponsibility").map(RosterController::ids).orElse(List.of()));
            entry.setLeavingDate(row.date("leavingDate", errors).orElse(null));
            row.check(validator, entry, errors);
            entries.add(entry);
        }
        if (!errors.isEmpty()) {
            throw CsvUpload.refused(errors);
        }
        requirePossibleEntries(entries, i -> "rows[" + rows.get(i).number() + "].");
        return record(entries);
    }

    private static List<String> ids(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    private RosterPushResult record(List<RosterPupil> entries) {
        Actor actor = current.get();
        int added = 0;
        int updated = 0;
        int left = 0;
        Map<String, Long> toRead = new LinkedHashMap<>();
        for (RosterPupil entry : entries) {
            PupilConsentId id = PupilConsentId.of(actor.schoolId(), entry.getPupilId());
            RosterOutcome outcome = commands.send(new RosterPupilCommand(id, actor.schoolId(), entry.getPupilId(),
                    entry.getForename(), entry.getSurname(), entry.getYearGroup(), entry.getDateOfBirth(),
                    entry.getParentalResponsibility(), entry.getLeavingDate()));
            if (outcome.changed()) {
                added += outcome.added() ? 1 : 0;
                updated += outcome.added() ? 0 : 1;
                left += outcome.left() ? 1 : 0;
                toRead.put(id.value(), outcome.version());
            }
        }
        // Read-your-writes once all are sent: the projection catches up with the whole push in a few batches.
        toRead.forEach((id, version) -> ReadYourWrites.await(() -> pupils.findById(id), PupilView::version, version));
        return new RosterPushResult(added, updated, left, entries.size() - added - updated);
    }

    /**
     * Every entry of the push is checked before any is recorded, so a push with one impossible entry
     * (a pupil twice, a pupil born in the future) changes nothing, and every such entry is named.
     */
    private void requirePossibleEntries(List<RosterPupil> entries, IntFunction<String> naming) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = academicYears.today(clock);
        for (int i = 0; i < entries.size(); i++) {
            String entry = naming.apply(i);
            if (!seen.add(entries.get(i).getPupilId())) {
                errors.add(new FieldError(entry + "pupilId", "appears more than once in the push"));
            }
            RosterRules.check(entries.get(i).getDateOfBirth(), today)
                    .forEach(error -> errors.add(new FieldError(entry + error.field(), error.message())));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; ")), errors);
        }
    }
}
