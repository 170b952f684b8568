package uk.schoolsocial.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.error.Problems;
import uk.schoolsocial.platform.identity.CurrentActor;

/**
 * {@code Idempotency-Key} on every POST of the API (decision 8): the same key and body get the
 * first answer again (with {@code Idempotent-Replayed: true}) and cause nothing new; the same key
 * with another body is refused with 422; a retry while the first is still running gets 409 with
 * {@code Retry-After}. Keys are scoped to the school and the caller. Runs after authentication, so
 * the caller is known.
 * <p>
 * An attempt holds the key with a claim for a lease ({@code smp.idempotency.lease}). The claim
 * never outlives its request: an answer below 500 is kept, a failure of ours (5xx) releases the
 * key, and a claim whose process died is taken over by the retry that finds its lease run out.
 * The command's transaction marks the record committed ({@link IdempotencyCommitInterceptor}), so
 * a retry never runs a committed request again: if its answer was lost (a 5xx after the commit,
 * or a process that died), the retry is told it was applied (409 {@code IDEMPOTENCY_KEY_APPLIED}).
 */
@ServerFilter("/api/**")
public class IdempotencyFilter implements Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Seconds a client is asked to wait before retrying a request still in progress. */
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final Problems problems;
    private final SecretKeySpec hashKey;
    private final MeterRegistry registry;

    IdempotencyFilter(IdempotencyStore store, JsonMapper json, Problems problems,
                      @Value("${smp.internal-token.secret}") String secret, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        this.json = json;
        this.problems = problems;
        // Keyed, so that the stored hash of a body holding a secret (new credentials on a handover)
        // cannot be tested against guesses by someone who reads the table.
        this.hashKey = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The claim the request holds on its key, if it is a keyed request that runs. */
    static Optional<String> claimOf(HttpRequest<?> request) {
        return request.getAttribute(CLAIM, String.class);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> before(HttpRequest<?> request, @Nullable @Body String body) {
        String key = request.getHeaders().get(HEADER);
        if (request.getMethod() != HttpMethod.POST || key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 128) {
            return problems.respond(request, new DomainException(PlatformError.VALIDATION_FAILED,
                    "Idempotency-Key must have 1 to 128 characters",
                    List.of(new FieldError(HEADER, "must have 1 to 128 characters"))));
        }
        Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
        if (caller.isEmpty()) {
            return null;
        }
        String hash = hash(request.getPath(), body);
        String claim = UUID.randomUUID().toString();
        Optional<IdempotencyStore.Entry> existing;
        try {
            existing = store.claim(CurrentActor.of(caller.get()).schoolId(), caller.get().getName(), key, hash, claim);
        } catch (IdempotencyStore.ContendedKeyException contended) {
            return inProgress(request);
        }
        if (existing.isEmpty()) {
            request.setAttribute(CLAIM, claim);
            return null;
        }
        IdempotencyStore.Entry entry = existing.get();
        if (!entry.requestHash().equals(hash)) {
            count("key_reused");
            return problems.respond(request, new DomainException(PlatformError.IDEMPOTENCY_KEY_REUSED,
                    "The Idempotency-Key was already used with a different request"));
        }
        if (entry.answered()) {
            count("replayed");
            return replay(entry);
        }
        if (entry.committed() && entry.lapsed()) {
            count("applied");
            return applied(request, entry);
        }
        count("in_progress");
        return inProgress(request);
    }

    /**
     * {@code smp_idempotency_repeats_total{outcome}} (issue 14): keyed requests that found their
     * key taken: answered again ({@code replayed}), applied before the answer was stored
     * ({@code applied}), still running ({@code in_progress}) or used for another request
     * ({@code key_reused}). Many replays mean clients retry a lot: a network or timeout problem.
     */
    private void count(String outcome) {
        Counter.builder("smp.idempotency.repeats").description("Keyed requests whose key was already taken, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
        claimOf(request).ifPresent(claim -> {
            try {
                remember(claim, response);
            } catch (RuntimeException e) {
                // The answer goes out all the same; the key frees itself, or says it was applied, when its lease runs out.
                LOG.warn("Could not store the answer to {} {} for its Idempotency-Key", request.getMethod(),
                        request.getPath(), uk.schoolsocial.platform.privacy.LogSafe.redacted(e));
            }
        });
    }

    private void remember(String claim, MutableHttpResponse<?> response) {
        if (response.code() >= 500) {
            store.abandon(claim);
            return;
        }
        byte[] body = response.getBody().map(this::serialize).orElse(null);
        String type = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
        store.answer(claim, response.code(), type, body,
                response.getHeaders().get(HttpHeaders.LOCATION), response.getHeaders().get(HttpHeaders.ETAG));
    }

    private HttpResponse<?> inProgress(HttpRequest<?> request) {
        return problems.respond(request, new DomainException(PlatformError.IDEMPOTENCY_KEY_IN_PROGRESS,
                        "A request with this Idempotency-Key is still being processed; retry shortly"))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    /** Committed, but the process that ran it failed or died before it could store the answer. */
    private HttpResponse<?> applied(HttpRequest<?> request, IdempotencyStore.Entry entry) {
        String applied = entry.committedRecord() == null ? "was applied"
                : "was applied to record " + entry.committedRecord() + " (now at version " + entry.committedVersion() + ")";
        return problems.respond(request, new DomainException(PlatformError.IDEMPOTENCY_KEY_APPLIED,
                "The request with this Idempotency-Key " + applied + ", but its answer was lost;"
                        + " read the record rather than send the request again"));
    }

    private static MutableHttpResponse<?> replay(IdempotencyStore.Entry entry) {
        MutableHttpResponse<Object> response = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(entry.status()));
        response.header(REPLAYED_HEADER, "true");
        if (entry.location() != null) {
            response.header(HttpHeaders.LOCATION, entry.location());
        }
        if (entry.etag() != null) {
            response.header(HttpHeaders.ETAG, entry.etag());
        }
        if (entry.body() != null) {
            response.contentType(entry.contentType()).body(entry.body());
        }
        return response;
    }

    private byte[] serialize(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remember the response of an idempotent request", e);
        }
    }

    private String hash(String path, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            if (body != null) {
                mac.update(body.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
