package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.schoolsocial.events.privacy.LegalHoldBasis;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;

/**
 * Legal holds (AUD-4; privacy.yaml): SLT places a hold on a person or a record of this service, and
 * releases it; while it stands nothing of the subject is erased, by request or by retention. SLT and
 * AUDITOR read them.
 */
@Controller("/api/v1/privacy/${smp.service.name}/legal-holds")
@ExecuteOn(TaskExecutors.BLOCKING)
class LegalHoldController {

    private static final int MAX_LIMIT = 100;

    private final CommandSender commands;
    private final CurrentActor current;
    private final LegalHolds holds;
    private final String service;

    LegalHoldController(CommandSender commands, CurrentActor current, LegalHolds holds,
                        @io.micronaut.context.annotation.Value("${smp.service.name}") String service) {
        this.service = service;
        this.commands = commands;
        this.current = current;
        this.holds = holds;
    }

    record PlaceRequest(@Nullable SubjectType subjectType, @Nullable String subjectId, @Nullable LegalHoldBasis basis,
                        @Nullable java.time.LocalDate until) {
    }

    @Post
    @Secured(Roles.SLT)
    HttpResponse<LegalHolds.Hold> place(@Body PlaceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.subjectType() == null) {
            errors.add(new FieldError("subjectType", "is required: one of " + Arrays.toString(SubjectType.values())));
        }
        if (request == null || request.subjectId() == null || !SubjectRef.ID.matcher(request.subjectId()).matches()) {
            errors.add(new FieldError("subjectId", "is required: 1 to 64 of A-Z, a-z, 0-9, _ . : -"));
        }
        if (request == null || request.basis() == null) {
            errors.add(new FieldError("basis", "is required: one of " + Arrays.toString(LegalHoldBasis.values())));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The legal hold is not valid", errors);
        }
        Actor actor = current.get();
        String holdId = UUID.randomUUID().toString();
        commands.send(new LegalHoldCommands.PlaceLegalHold(holdId, actor.schoolId(), request.subjectType(),
                request.subjectId(), request.basis(), request.until(), actor.id()));
        return HttpResponse.created(holds.find(actor.schoolId(), holdId).orElseThrow(),
                URI.create("/api/v1/privacy/" + service + "/legal-holds/" + holdId));
    }

    @Post(value = "/{holdId}/release", consumes = MediaType.ALL)
    @Secured(Roles.SLT)
    LegalHolds.Hold release(@PathVariable String holdId) {
        Actor actor = current.get();
        holds.find(actor.schoolId(), holdId).orElseThrow(PlatformError::noSuchRecord);
        commands.send(new LegalHoldCommands.ReleaseLegalHold(holdId, actor.schoolId(), actor.id()));
        return holds.find(actor.schoolId(), holdId).orElseThrow();
    }

    @Get("/{holdId}")
    @Secured({Roles.SLT, Roles.AUDITOR})
    LegalHolds.Hold hold(@PathVariable String holdId) {
        return holds.find(current.get().schoolId(), holdId).orElseThrow(PlatformError::noSuchRecord);
    }

    @Get
    @Secured({Roles.SLT, Roles.AUDITOR})
    Map<String, Object> list(@Nullable @QueryValue Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "limit must be from 1 to " + MAX_LIMIT,
                    List.of(new FieldError("limit", "must be from 1 to " + MAX_LIMIT)));
        }
        return Map.of("items", holds.recent(current.get().schoolId(), limit == null ? 20 : limit));
    }
}
