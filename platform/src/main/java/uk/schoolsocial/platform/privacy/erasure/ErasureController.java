package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.schoolsocial.events.privacy.ErasureGround;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;

/**
 * Erasure of a data subject from this service (AUD-4, UK GDPR Art. 17; {@code privacy.yaml}, under {@code /api/v1/privacy/SERVICE/}). SLT
 * decides (decision 10: no separate data protection officer role yet); SLT and AUDITOR read the
 * register. The gateway's {@code POST /api/v1/privacy/erasures} asks every service for holds first
 * and erases from all of them only when none has one.
 */
@Controller("/api/v1/privacy/${smp.service.name}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ErasureController {

    private static final int MAX_LIMIT = 100;

    private final CommandSender commands;
    private final CurrentActor current;
    private final ErasureScopes scopes;
    private final Erasures erasures;
    private final Clock clock;
    private final String service;
    private final RetentionPeriods retentionPeriods;

    ErasureController(CommandSender commands, CurrentActor current, ErasureScopes scopes, Erasures erasures, Clock clock,
                      @Value("${smp.service.name}") String service, RetentionPeriods retentionPeriods) {
        this.service = service;
        this.retentionPeriods = retentionPeriods;
        this.commands = commands;
        this.current = current;
        this.scopes = scopes;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** The request: whom to erase and on which ground; never free text (it would be personal data). */
    record ErasureRequest(@Nullable SubjectType subjectType, @Nullable String subjectId,
                          @Nullable String ground, @Nullable LocalDate dateOfBirth) {
    }

    /** The ground exactly as one of its names (a value with a space around it is refused, not trimmed), or null. */
    private static ErasureGround groundOf(@Nullable String ground) {
        return java.util.Arrays.stream(ErasureGround.values()).filter(value -> value.name().equals(ground))
                .findFirst().orElse(null);
    }

    @Post("/erasures")
    @Secured(Roles.SLT)
    HttpResponse<Erasures.Erasure> erase(@Body ErasureRequest request) {
        Actor actor = current.get();
        List<FieldError> errors = new ArrayList<>();
        requireSubject(request == null ? null : request.subjectType(), request == null ? null : request.subjectId(),
                errors);
        ErasureGround ground = request == null ? null : groundOf(request.ground());
        if (ground == null) {
            errors.add(new FieldError("ground", "must be one of "
                    + String.join(", ", java.util.Arrays.stream(ErasureGround.values()).map(Enum::name).toList())));
        }
        requireDateOfBirth(request == null ? null : request.dateOfBirth(), errors);
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The erasure request is not valid", errors);
        }
        String erasureId = UUID.randomUUID().toString();
        commands.send(new EraseSubjectCommand(erasureId, actor.schoolId(), request.subjectType(), request.subjectId(),
                request.dateOfBirth(), ground, actor.id()));
        Erasures.Erasure erasure = erasures.find(actor.schoolId(), erasureId).orElseThrow(() ->
                new IllegalStateException("The erasure's register row is written in its event's transaction"));
        return HttpResponse.created(erasure, URI.create("/api/v1/privacy/" + service + "/erasures/" + erasureId));
    }

    @Get("/erasures/{erasureId}")
    @Secured({Roles.SLT, Roles.AUDITOR})
    Erasures.Erasure erasure(@PathVariable String erasureId) {
        return erasures.find(current.get().schoolId(), erasureId).orElseThrow(PlatformError::noSuchRecord);
    }

    /** The register, newest first; of one subject when both {@code subjectType} and {@code subjectId} are given. */
    @Get("/erasures")
    @Secured({Roles.SLT, Roles.AUDITOR})
    Map<String, Object> erasures(@Nullable @QueryValue Integer limit, @Nullable @QueryValue SubjectType subjectType,
                                 @Nullable @QueryValue String subjectId) {
        List<FieldError> errors = new ArrayList<>();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be from 1 to " + MAX_LIMIT));
        }
        boolean ofSubject = subjectType != null || subjectId != null;
        if (ofSubject) {
            requireSubject(subjectType, subjectId, errors);
        }
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The query is not valid", errors);
        }
        String school = current.get().schoolId();
        int size = limit == null ? 20 : limit;
        return Map.of("items", ofSubject ? erasures.recentOf(school, subjectType, subjectId, size)
                : erasures.recent(school, size));
    }

    /** What keeps the subject's data in this service today: empty when an erasure would go through. */
    @Get("/holds")
    @Secured(Roles.SLT)
    Map<String, Object> holds(@Nullable @QueryValue SubjectType subjectType, @Nullable @QueryValue String subjectId,
                              @Nullable @QueryValue LocalDate dateOfBirth) {
        List<FieldError> errors = new ArrayList<>();
        requireSubject(subjectType, subjectId, errors);
        requireDateOfBirth(dateOfBirth, errors);
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The query is not valid", errors);
        }
        ErasureSubject subject = new ErasureSubject(current.get().schoolId(), subjectType, subjectId, dateOfBirth);
        return Map.of("holds", scopes.holds(subject, LocalDate.now(clock.withZone(SubjectErasure.SCHOOL_ZONE))));
    }

    /** The school's retention periods (its own or the suite's default, with the source) and the schedule's last run. */
    @Get("/retention")
    @Secured({Roles.SLT, Roles.AUDITOR})
    Map<String, Object> retention() {
        String school = current.get().schoolId();
        Map<RetentionClass, Period> periods = retentionPeriods.of(school);
        List<Map<String, Object>> classes = new ArrayList<>();
        periods.forEach((retention, period) -> {
            Map<String, Object> one = new java.util.LinkedHashMap<>();
            one.put("retentionClass", retention.name());
            one.put("period", period.toString());
            one.put("defaultPeriod", retention.defaultPeriod().toString());
            one.put("from", retention.from());
            one.put("source", retention.source());
            classes.add(one);
        });
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("periods", classes);
        retentionPeriods.lastRun(school).ifPresent(run -> answer.put("lastRun", run));
        return answer;
    }

    record RetentionRequest(@Nullable String period) {
    }

    /** A school keeps one class of records for another period than the suite's default (AUD-4). */
    @io.micronaut.http.annotation.Put("/retention/{retentionClass}")
    @Secured(Roles.SLT)
    Map<String, Object> setRetention(@PathVariable String retentionClass, @Body RetentionRequest request) {
        RetentionClass retention = java.util.Arrays.stream(RetentionClass.values())
                .filter(value -> value.name().equals(retentionClass)).findFirst()
                .orElseThrow(() -> new DomainException(PlatformError.VALIDATION_FAILED,
                        "retentionClass must be one of " + java.util.Arrays.toString(RetentionClass.values()),
                        List.of(new FieldError("retentionClass", "must be one of "
                                + java.util.Arrays.toString(RetentionClass.values())))));
        Period period = parsePeriod(request == null ? null : request.period());
        Actor actor = current.get();
        commands.send(new SetRetentionPeriodCommand(SetRetentionPeriodCommand.settingId(actor.schoolId(), retention),
                actor.schoolId(), retention, period, actor.id()));
        return retention();
    }

    private static Period parsePeriod(@Nullable String text) {
        String problem = "must be an ISO-8601 period of whole years, months or days from P0D to P100Y, e.g. P6Y";
        if (text == null || !text.matches("P(\\d{1,3}Y)?(\\d{1,4}M)?(\\d{1,5}D)?") || text.equals("P")) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "period " + problem,
                    List.of(new FieldError("period", problem)));
        }
        Period period = Period.parse(text);
        if (period.toTotalMonths() * 31 + period.getDays() > 100L * 12 * 31) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "period " + problem,
                    List.of(new FieldError("period", problem)));
        }
        return period;
    }

    private static void requireSubject(@Nullable SubjectType type, @Nullable String id, List<FieldError> errors) {
        if (type == null) {
            errors.add(new FieldError("subjectType", "is required: one of "
                    + String.join(", ", java.util.Arrays.stream(SubjectType.values()).map(Enum::name).toList())));
        }
        if (id == null || !SubjectRef.ID.matcher(id).matches()) {
            errors.add(new FieldError("subjectId", "is required: 1 to 64 of A-Z, a-z, 0-9, _ . : -"));
        }
    }

    private void requireDateOfBirth(@Nullable LocalDate dateOfBirth, List<FieldError> errors) {
        if (dateOfBirth != null && dateOfBirth.isAfter(LocalDate.now(clock.withZone(SubjectErasure.SCHOOL_ZONE)))) {
            errors.add(new FieldError("dateOfBirth", "must not be in the future"));
        }
    }
}
