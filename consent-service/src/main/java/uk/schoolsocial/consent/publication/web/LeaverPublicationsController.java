package uk.schoolsocial.consent.publication.web;

import static uk.schoolsocial.consent.publication.command.LeaverPublicationsSettings.DEFAULT;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.schoolsocial.consent.api.LeaversApi;
import uk.schoolsocial.consent.api.model.LeaverPublicationsChoice;
import uk.schoolsocial.consent.api.model.LeaverPublicationsSettings;
import uk.schoolsocial.consent.api.model.ListTakedownsStatusParameter;
import uk.schoolsocial.consent.api.model.Publication;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.consent.api.model.PublicationList;
import uk.schoolsocial.consent.api.model.ReviewPublicationRequest;
import uk.schoolsocial.consent.api.model.SetLeaverPublicationsRequest;
import uk.schoolsocial.consent.publication.command.ReviewPublicationCommand;
import uk.schoolsocial.consent.publication.command.SetLeaverPublicationsCommand;
import uk.schoolsocial.consent.publication.query.LeaverPublicationsSetting;
import uk.schoolsocial.consent.publication.query.LeaverPublicationsSettingRepository;
import uk.schoolsocial.consent.publication.query.PublicationView;
import uk.schoolsocial.consent.publication.query.PublicationViewRepository;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.LeaverPublications;
import uk.schoolsocial.events.consent.ReviewDecision;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.ETags;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * CON-6: what happens to a leaver's publications, as {@code consent.yaml} defines it: the school's choice
 * per channel, and the reviews of the publications on channels where it reviews them.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LeaverPublicationsController implements LeaversApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final LeaverPublicationsSettingRepository settings;
    private final PublicationViewRepository publications;
    private final PublicationPages pages;

    LeaverPublicationsController(CommandSender commands, CurrentActor current,
                                 LeaverPublicationsSettingRepository settings, PublicationViewRepository publications,
                                 PublicationPages pages) {
        this.commands = commands;
        this.current = current;
        this.settings = settings;
        this.publications = publications;
        this.pages = pages;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public LeaverPublicationsSettings getLeaverPublications() {
        return toApi(settings.findBySchoolId(current.get().schoolId()));
    }

    /** Answers once the settings read model shows the choice: the version the command left them at. */
    @Override
    @Secured(Roles.SLT)
    public LeaverPublicationsSettings setLeaverPublications(PublicationChannel channel,
                                                            SetLeaverPublicationsRequest request,
                                                            String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new SetLeaverPublicationsCommand(actor.schoolId(),
                ConsentChannel.valueOf(channel.getValue()), LeaverPublications.valueOf(request.getChoice().getValue()),
                actor.id()));
        List<LeaverPublicationsSetting> rows = ReadYourWrites.await(
                () -> Optional.of(settings.findBySchoolId(actor.schoolId())),
                found -> found.stream().mapToLong(LeaverPublicationsSetting::version).max().orElse(-1), version);
        return toApi(rows);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public PublicationList listReviews(ListTakedownsStatusParameter status, String cursor, Integer limit) {
        String reviewStatus = status == ListTakedownsStatusParameter.DONE ? PublicationView.REVIEW_DONE
                : PublicationView.REVIEW_OPEN;
        return pages.page(cursor, limit, (afterAt, afterId, count) -> publications.reviews(
                current.get().schoolId(), reviewStatus, afterAt, afterId, count), PublicationView::reviewOpenedAt);
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.ACCOUNT_ADMIN})
    public HttpResponse<Publication> reviewPublication(UUID publicationId, ReviewPublicationRequest request,
                                                       String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        String id = publicationId.toString();
        publications.findByIdAndSchoolId(id, actor.schoolId())
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such publication"));
        long version = commands.send(new ReviewPublicationCommand(id, actor.schoolId(),
                ReviewDecision.valueOf(request.getDecision().getValue()), request.getReason(), actor.id(),
                ETags.expectedVersion(ifMatch)));
        return HttpResponse.ok(pages.await(id, actor.schoolId(), version)).header("ETag", ETags.of(version));
    }

    /** Every channel in order; one the school chose nothing for has the default, without who and when. */
    private static LeaverPublicationsSettings toApi(List<LeaverPublicationsSetting> rows) {
        Map<String, LeaverPublicationsSetting> byChannel = rows.stream()
                .collect(Collectors.toMap(LeaverPublicationsSetting::channel, Function.identity()));
        return new LeaverPublicationsSettings(Arrays.stream(ConsentChannel.values()).map(channel -> {
            LeaverPublicationsSetting row = byChannel.get(channel.name());
            var api = new uk.schoolsocial.consent.api.model.LeaverPublicationsSetting(
                    PublicationChannel.fromValue(channel.name()), LeaverPublicationsChoice.fromValue(
                            row == null ? DEFAULT.name() : row.choice()));
            if (row != null) {
                api.setSetBy(row.setBy());
                api.setSetAt(row.setAt().atZone(ZoneOffset.UTC));
            }
            return api;
        }).toList());
    }
}
