package uk.schoolsocial.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;

/**
 * The audit API of every service (AUD-2, AUD-3), as {@code audit.yaml} defines it: the gateway
 * routes {@code /api/v1/audit/<service>/...} here and federates the events of all services.
 * AUDITOR and SLT only, and only their own school's events; checkpoints and verification cover
 * the whole log of the service but show only hashes of other schools' events.
 */
@Controller("/api/v1/audit/${smp.service.name}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.AUDITOR, Roles.SLT})
class AuditController {

    private static final int MAX_LIMIT = 1000;
    /** The services of the suite, as audit.yaml names them ({@code ServiceName}). */
    private static final List<String> SERVICES = List.of("account", "incident", "consent");

    private final AuditLog log;
    private final AuditExport export;
    private final Checkpoints checkpoints;
    private final ChainVerifier verifier;
    private final RecordHistory history;
    private final EventDeliveryCheck delivery;
    private final CurrentActor current;
    private final Clock clock;

    AuditController(AuditLog log, AuditExport export, Checkpoints checkpoints, ChainVerifier verifier,
                    RecordHistory history, EventDeliveryCheck delivery, CurrentActor current, Clock clock) {
        this.log = log;
        this.export = export;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.history = history;
        this.delivery = delivery;
        this.current = current;
        this.clock = clock;
    }

    @Get("/events")
    AuditPage events(@Nullable @QueryValue String aggregateId, @Nullable @QueryValue String type,
                     @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                     @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        Actor actor = current.get();
        requireFilters(aggregateId, type);
        atMost("cursor", cursor, 1024);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        int size = limit == null ? 100 : limit;
        List<AuditEntry> items = log.page(new AuditQuery(actor.schoolId(), aggregateId, type, from, to),
                AuditCursor.decode(cursor), size);
        String next = items.size() < size ? null : AuditCursor.encode(items.get(items.size() - 1).seq());
        return new AuditPage(items, new AuditPage.Page(next, size));
    }

    @Get(value = "/export", produces = "application/x-ndjson")
    HttpResponse<?> export(@Nullable @QueryValue Long fromSeq, @Nullable @QueryValue Long toSeq,
                           @Nullable @QueryValue String aggregateId, @Nullable @QueryValue String type,
                           @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to) {
        Actor actor = current.get();
        requireFilters(aggregateId, type);
        long first = fromSeq == null ? 1 : fromSeq;
        if (first < 1) {
            throw invalid("fromSeq", "must be 1 or more");
        }
        long head = log.head().seq();
        long last = toSeq == null ? head : Math.min(toSeq, head);
        if (last < first - 1) {
            throw invalid("toSeq", "must not be before fromSeq");
        }
        return HttpResponse.ok(export.stream(new AuditQuery(actor.schoolId(), aggregateId, type, from, to),
                        first, last, actor))
                .contentType(MediaType.of("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"" + log.service() + "-audit-" + first + "-"
                        + last + ".ndjson\"");
    }

    @Get("/records/{aggregateId}")
    RecordHistory.RecordState record(@PathVariable String aggregateId, @Nullable @QueryValue Instant asOf) {
        Instant at = asOf == null ? clock.instant() : asOf;
        return history.asOf(current.get().schoolId(), aggregateId, at)
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No record " + aggregateId
                        + " of your school existed at " + at));
    }

    @Get("/records/{aggregateId}/timeline")
    RecordHistory.Timeline timeline(@PathVariable String aggregateId) {
        return history.timeline(current.get().schoolId(), aggregateId).orElseThrow(() ->
                new DomainException(PlatformError.NOT_FOUND, "No record " + aggregateId + " of your school"));
    }

    @Post("/checkpoints")
    HttpResponse<Checkpoint> checkpoint() {
        Checkpoint issued = checkpoints.issueAtHead();
        return HttpResponse.created(issued, URI.create("/api/v1/audit/" + checkpoints.service() + "/checkpoints/"
                + issued.size()));
    }

    /** AUD-3: the checkpoint kept for the chain at {@code size}, the Location of an issued one. */
    @Get("/checkpoints/{size}")
    Checkpoint checkpointAt(@PathVariable long size) {
        if (size < 0) {
            throw invalid("size", "must not be negative");
        }
        return checkpoints.at(size).orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND,
                "No checkpoint was issued for the chain at size " + size));
    }

    @Get("/checkpoints")
    Map<String, Object> checkpoints(@Nullable @QueryValue Integer limit) {
        if (limit != null && (limit < 1 || limit > 200)) {
            throw invalid("limit", "must be between 1 and 200");
        }
        return Map.of("items", checkpoints.recent(limit == null ? 20 : limit));
    }

    @Get("/signing-key")
    Map<String, String> signingKey() {
        return Map.of("service", checkpoints.service(), "algorithm", "Ed25519", "keyId", checkpoints.keyId(),
                "publicKey", Base64.getEncoder().encodeToString(checkpoints.publicKey()));
    }

    @Post("/verifications")
    Verification verify(@Nullable @Body VerificationRequest request) {
        Checkpoint trusted = request == null ? null : request.checkpoint();
        if (trusted != null) {
            requireComplete(trusted);
        }
        return verifier.verify(trusted);
    }

    @Get("/delivery")
    EventDeliveryCheck.Report delivery() {
        return delivery.run();
    }

    /** The filters as audit.yaml bounds them (issue 11). */
    private static void requireFilters(@Nullable String aggregateId, @Nullable String type) {
        atMost("aggregateId", aggregateId, 255);
        atMost("type", type, 255);
    }

    private static void atMost(String name, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(name, "must be at most " + max + " characters");
        }
    }

    private static void requireComplete(Checkpoint checkpoint) {
        if (checkpoint.service() == null || checkpoint.chainHash() == null || checkpoint.issuedAt() == null
                || checkpoint.keyId() == null || checkpoint.signature() == null) {
            throw invalid("checkpoint", "must be a checkpoint as this service issued it, every field included");
        }
        if (!SERVICES.contains(checkpoint.service())) {
            throw invalid("checkpoint.service", "must be one of " + String.join(", ", SERVICES));
        }
        if (!checkpoint.chainHash().matches("[0-9a-f]{64}")) {
            throw invalid("checkpoint.chainHash", "must be 64 lower-case hex digits");
        }
        if (checkpoint.size() < 0 || checkpoint.globalIndex() < 0) {
            throw invalid(checkpoint.size() < 0 ? "checkpoint.size" : "checkpoint.globalIndex", "must not be negative");
        }
    }

    private static DomainException invalid(String field, String problem) {
        return new DomainException(PlatformError.VALIDATION_FAILED, field + " " + problem,
                List.of(new FieldError(field, problem)));
    }

    /** A verification request: optionally, a checkpoint the auditor kept. */
    record VerificationRequest(@Nullable Checkpoint checkpoint) {
    }

    /** A page of the trail. */
    record AuditPage(List<AuditEntry> items, Page page) {
        record Page(String nextCursor, int limit) {
        }
    }

    /** The opaque cursor of the trail: the chain position of the last event of a page. */
    static final class AuditCursor {
        private AuditCursor() {
        }

        static String encode(long seq) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
        }

        static long decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return 0;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!raw.startsWith("seq:")) {
                    throw new IllegalArgumentException(raw);
                }
                return Long.parseLong(raw.substring(4));
            } catch (RuntimeException e) {
                throw invalid("cursor", "is not a cursor of this trail");
            }
        }
    }
}
