package uk.schoolsocial.consent.consent.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
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
import uk.schoolsocial.consent.consent.command.PupilConsentId;
import uk.schoolsocial.consent.consent.command.RosterOutcome;
import uk.schoolsocial.consent.consent.command.RosterPupilCommand;
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

    RosterController(CommandSender commands, CurrentActor current, PupilViewRepository pupils) {
        this.commands = commands;
        this.current = current;
        this.pupils = pupils;
    }

    @Override
    @Secured(Roles.INTEGRATION)
    public RosterPushResult pushRoster(RosterPush push, String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        requireEachPupilOnce(push.getPupils());
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

    private static void requireEachPupilOnce(List<RosterPupil> entries) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!seen.add(entries.get(i).getPupilId())) {
                errors.add(new FieldError("pupils[" + i + "].pupilId", "appears more than once in the push"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "A pupil appears more than once", errors);
        }
    }
}
