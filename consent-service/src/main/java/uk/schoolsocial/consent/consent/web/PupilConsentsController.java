package uk.schoolsocial.consent.consent.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.util.Optional;
import uk.schoolsocial.consent.api.ConsentsApi;
import uk.schoolsocial.consent.api.model.PupilConsents;
import uk.schoolsocial.consent.api.model.RecordConsentRequest;
import uk.schoolsocial.consent.consent.command.PupilConsentId;
import uk.schoolsocial.consent.consent.command.RecordConsentCommand;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.PupilConsentView;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentMethod;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.ETags;
import uk.schoolsocial.platform.web.ReadYourWrites;

/** A pupil's image consent (CON-1), as {@code consent.yaml} defines it. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PupilConsentsController implements ConsentsApi {

    /** Roles that record a consent form on behalf of the adult who gave it. */
    private static final String[] ON_BEHALF = {Roles.STAFF, Roles.SLT};
    /** Roles that read every pupil of their school; a parent reads only their own (see consent.yaml). */
    private static final String[] SEE_ALL = {Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR};

    private final CommandSender commands;
    private final CurrentActor current;
    private final ChannelConsentViewRepository views;

    PupilConsentsController(CommandSender commands, CurrentActor current, ChannelConsentViewRepository views) {
        this.commands = commands;
        this.current = current;
        this.views = views;
    }

    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT})
    public HttpResponse<PupilConsents> recordConsent(String pupilId, @ConsentRules RecordConsentRequest request,
                                                     String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new RecordConsentCommand(PupilConsentId.of(actor.schoolId(), pupilId),
                actor.schoolId(), pupilId, ConsentChannel.valueOf(request.getChannel().getValue()),
                request.getGivenBy(), ConsentMethod.valueOf(request.getMethod().getValue()),
                request.getFormReference(), request.getGivenOn(), request.getValidUntil(), actor.id(),
                actor.hasAnyRole(ON_BEHALF)));
        PupilConsentView pupil = ReadYourWrites.await(() -> find(actor, pupilId), PupilConsentView::version, version);
        return HttpResponse.created(ConsentMapper.toApi(pupil), URI.create("/api/v1/pupils/" + pupilId + "/consents"))
                .header("ETag", ETags.of(pupil.version()));
    }

    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public HttpResponse<PupilConsents> getPupilConsents(String pupilId) {
        Actor actor = current.get();
        PupilConsentView pupil = find(actor, pupilId)
                .filter(found -> actor.hasAnyRole(SEE_ALL) || found.hasConsentGivenBy(actor.id()))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No consent recorded for this pupil"));
        return HttpResponse.ok(ConsentMapper.toApi(pupil)).header("ETag", ETags.of(pupil.version()));
    }

    private Optional<PupilConsentView> find(Actor actor, String pupilId) {
        return PupilConsentView.of(pupilId, views.findBySchoolIdAndPupilId(actor.schoolId(), pupilId));
    }
}
