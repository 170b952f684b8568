package uk.schoolsocial.consent.consent.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * CON-6: the MIS pushes its roster. Each pupil is one command on the pupil's record, which adds
 * events only for what changed; the answer waits until every changed pupil is readable.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RosterController implements RosterApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final PupilViewRepository pupils;
    private final AcademicYears academicYears;
    private final Clock clock;

    RosterController(CommandSender commands, CurrentActor current, PupilViewRepository pupils,
                     AcademicYears academicYears, Clock clock) {
        this.commands = commands;
        this.current = current;
        this.pupils = pupils;
        this.academicYears = academicYears;
        this.clock = clock;
    }

    @Override
    @Secured(Roles.INTEGRATION)
    public RosterPushResult pushRoster(RosterPush push, String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        requirePossibleEntries(push.getPupils());
        int changed = 0;
        int leavers = 0;
        Map<String, Long> toRead = new LinkedHashMap<>();
        for (RosterPupil entry : push.getPupils()) {
            PupilConsentId id = PupilConsentId.of(actor.schoolId(), entry.getPupilId());
            RosterOutcome outcome = commands.send(new RosterPupilCommand(id, actor.schoolId(), entry.getPupilId(),
                    entry.getGivenName(), entry.getFamilyName(), entry.getYearGroup(), entry.getDateOfBirth(),
                    entry.getParentalResponsibility(), entry.getLeftOn()));
            if (outcome.changed()) {
                changed++;
                leavers += outcome.left() ? 1 : 0;
                toRead.put(id.value(), outcome.version());
            }
        }
        // Read-your-writes once all are sent: the projection catches up with the whole push in a few batches.
        toRead.forEach((id, version) -> ReadYourWrites.await(() -> pupils.findById(id), PupilView::version, version));
        int received = push.getPupils().size();
        return new RosterPushResult(received, changed, received - changed, leavers);
    }

    /**
     * Every entry of the push is checked before any is recorded, so a push with one impossible entry
     * (a pupil twice, a pupil born in the future) changes nothing, and every such entry is named.
     */
    private void requirePossibleEntries(List<RosterPupil> entries) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = academicYears.today(clock);
        for (int i = 0; i < entries.size(); i++) {
            String entry = "pupils[" + i + "].";
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
