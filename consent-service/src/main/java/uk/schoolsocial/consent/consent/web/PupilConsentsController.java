package uk.schoolsocial.consent.consent.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.Configuration;
import uk.schoolsocial.consent.api.ConsentsApi;
import uk.schoolsocial.consent.api.model.Consent;
import uk.schoolsocial.consent.api.model.ConsentHistory;
import uk.schoolsocial.consent.api.model.ConsentHistoryEntry;
import uk.schoolsocial.consent.api.model.LiftObjectionRequest;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.consent.api.model.PupilConsents;
import uk.schoolsocial.consent.api.model.RecordConsentRequest;
import uk.schoolsocial.consent.api.model.RecordObjectionRequest;
import uk.schoolsocial.consent.api.model.WithdrawConsentRequest;
import uk.schoolsocial.consent.consent.command.LiftObjectionCommand;
import uk.schoolsocial.consent.consent.command.PupilConsentId;
import uk.schoolsocial.consent.consent.command.RecordConsentCommand;
import uk.schoolsocial.consent.consent.command.RecordObjectionCommand;
import uk.schoolsocial.consent.consent.command.WithdrawConsentCommand;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.ConsentSheet;
import uk.schoolsocial.consent.consent.query.PupilConsentView;
import uk.schoolsocial.consent.consent.query.PupilParentViewRepository;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
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

/**
 * A pupil's image consent (CON-1), objection and its lifting (CON-2) and withdrawal (CON-3), their history, and the
 * consent sheet of a year group, as {@code consent.yaml} defines them.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PupilConsentsController implements ConsentsApi {

    /** Roles that record a consent form or a withdrawal on behalf of the adult who gave it. */
    private static final String[] ON_BEHALF = {Roles.STAFF, Roles.SLT};
    /** Roles that read every pupil of their school; a parent reads only their own children (CON-1). */
    private static final String[] SEE_ALL = {Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR};

    private final CommandSender commands;
    private final CurrentActor current;
    private final ChannelConsentViewRepository channels;
    private final PupilViewRepository pupils;
    private final PupilParentViewRepository parents;
    private final ConsentSheet sheet;
    private final Configuration axon;

    PupilConsentsController(CommandSender commands, CurrentActor current, ChannelConsentViewRepository channels,
                            PupilViewRepository pupils, PupilParentViewRepository parents, ConsentSheet sheet,
                            Configuration axon) {
        this.commands = commands;
        this.current = current;
        this.channels = channels;
        this.pupils = pupils;
        this.parents = parents;
        this.sheet = sheet;
        this.axon = axon;
    }

    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT})
    public HttpResponse<PupilConsents> recordConsent(String pupilId, @ConsentRules RecordConsentRequest request,
                                                     String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new RecordConsentCommand(PupilConsentId.of(actor.schoolId(), pupilId),
                actor.schoolId(), pupilId, ConsentChannel.valueOf(request.getChannel().getValue()),
                request.getGivenBy(), ConsentMethod.valueOf(request.getMethod().getValue()),
                request.getFormReference(), request.getGivenOn(), request.getValidUntil(), actor.id(),
                actor.hasAnyRole(ON_BEHALF), ETags.expectedVersion(ifMatch)));
        PupilConsentView pupil = awaitVersion(actor, pupilId, version);
        return HttpResponse.created(ConsentMapper.toApi(pupil),
                        URI.create(consentOf(pupilId, ConsentChannel.valueOf(request.getChannel().getValue()))))
                .header("ETag", ETags.of(pupil.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL})
    public HttpResponse<PupilConsents> recordObjection(String pupilId, RecordObjectionRequest request,
                                                       String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new RecordObjectionCommand(PupilConsentId.of(actor.schoolId(), pupilId),
                actor.schoolId(), request.getReason(), actor.id(), ETags.expectedVersion(ifMatch)));
        PupilConsentView pupil = awaitVersion(actor, pupilId, version);
        return HttpResponse.created(ConsentMapper.toApi(pupil), URI.create(consentsOf(pupilId)))
                .header("ETag", ETags.of(pupil.version()));
    }

    /** CON-2: the objection's own roles lift it, with a reason. */
    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL})
    public HttpResponse<PupilConsents> liftObjection(String pupilId, LiftObjectionRequest request,
                                                     String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new LiftObjectionCommand(PupilConsentId.of(actor.schoolId(), pupilId),
                actor.schoolId(), request.getReason(), actor.id(), ETags.expectedVersion(ifMatch)));
        PupilConsentView pupil = awaitVersion(actor, pupilId, version);
        return HttpResponse.ok(ConsentMapper.toApi(pupil)).header("ETag", ETags.of(pupil.version()));
    }

    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT})
    public HttpResponse<PupilConsents> withdrawConsent(String pupilId, PublicationChannel channel,
                                                       WithdrawConsentRequest request, String idempotencyKey,
                                                       String ifMatch, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new WithdrawConsentCommand(PupilConsentId.of(actor.schoolId(), pupilId),
                actor.schoolId(), ConsentChannel.valueOf(channel.getValue()), request.getWithdrawnBy(), actor.id(),
                actor.hasAnyRole(ON_BEHALF), ETags.expectedVersion(ifMatch)));
        PupilConsentView pupil = awaitVersion(actor, pupilId, version);
        return HttpResponse.ok(ConsentMapper.toApi(pupil)).header("ETag", ETags.of(pupil.version()));
    }

    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public HttpResponse<PupilConsents> getPupilConsents(String pupilId) {
        Actor actor = current.get();
        PupilConsentView pupil = visible(actor, pupilId);
        return HttpResponse.ok(ConsentMapper.toApi(pupil)).header("ETag", ETags.of(pupil.version()));
    }

    /** Where a recorded consent's Location points: the consent standing on one channel, if any. */
    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public HttpResponse<Consent> getPupilConsent(String pupilId, PublicationChannel channel) {
        Actor actor = current.get();
        PupilConsentView pupil = visible(actor, pupilId);
        Consent consent = ConsentMapper.toApi(pupil).getConsents().stream()
                .filter(standing -> standing.getChannel() == channel)
                .findFirst()
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND,
                        "The pupil has no consent for " + channel.getValue()));
        return HttpResponse.ok(consent).header("ETag", ETags.of(pupil.version()));
    }

    /** The pupil's record as its events tell it, in order: the history cannot drift from what was decided. */
    @Override
    @Secured({Roles.PARENT, Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public ConsentHistory getConsentHistory(String pupilId) {
        Actor actor = current.get();
        pupils.findBySchoolIdAndPupilId(actor.schoolId(), pupilId)
                .filter(found -> actor.hasAnyRole(SEE_ALL) || parents.isLinked(actor.schoolId(), actor.id(), pupilId))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such pupil"));
        List<ConsentHistoryEntry> entries = axon.eventStore()
                .readEvents(PupilConsentId.of(actor.schoolId(), pupilId).value()).asStream()
                .map(ConsentReadsMapper::toEntry).flatMap(Optional::stream).toList();
        return new ConsentHistory(pupilId, entries);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public uk.schoolsocial.consent.api.model.ConsentSheet getConsentSheet(String yearGroup) {
        LocalDate today = sheet.today();
        return ConsentReadsMapper.toApi(yearGroup, today, sheet.of(current.get().schoolId(), yearGroup, today));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public String downloadConsentSheet(String yearGroup) {
        return ConsentReadsMapper.toCsv(sheet.of(current.get().schoolId(), yearGroup, sheet.today()));
    }

    private PupilConsentView awaitVersion(Actor actor, String pupilId, long version) {
        return ReadYourWrites.await(() -> find(actor, pupilId), PupilConsentView::version, version);
    }

    private Optional<PupilConsentView> find(Actor actor, String pupilId) {
        return PupilConsentView.of(pupils.findBySchoolIdAndPupilId(actor.schoolId(), pupilId),
                channels.findBySchoolIdAndPupilId(actor.schoolId(), pupilId));
    }

    /** A pupil the caller may see: any of the school's for SEE_ALL roles, a parent's own linked pupils. */
    private PupilConsentView visible(Actor actor, String pupilId) {
        return Optional.of(pupilId)
                .filter(id -> actor.hasAnyRole(SEE_ALL) || parents.isLinked(actor.schoolId(), actor.id(), id))
                .flatMap(id -> find(actor, id))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such pupil"));
    }

    private static String consentsOf(String pupilId) {
        return "/api/v1/pupils/" + pupilId + "/consents";
    }

    private static String consentOf(String pupilId, ConsentChannel channel) {
        return consentsOf(pupilId) + "/" + channel.name();
    }
}
