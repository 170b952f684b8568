package uk.schoolsocial.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.error.Problems;
import uk.schoolsocial.platform.identity.CurrentActor;

/**
 * {@code Idempotency-Key} on every POST of the API: the same key and body get the first answer
 * again (with {@code Idempotent-Replayed: true}) and cause nothing new; the same key with another
 * body is refused with 422; a retry while the first is still running gets 409 with
 * {@code Retry-After}. Keys are scoped to the school and the caller. Runs after authentication,
 * so the caller is known.
 */
@ServerFilter("/api/**")
public class IdempotencyFilter implements Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Seconds a client is asked to wait before retrying a request still in progress. */
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final Problems problems;
    private final SecretKeySpec hashKey;

    IdempotencyFilter(IdempotencyStore store, JsonMapper json, Problems problems,
                      @Value("${smp.internal-token.secret}") String secret) {
        this.store = store;
        this.json = json;
        this.problems = problems;
        // Keyed, so that the stored hash of a body holding a secret (new credentials on a handover)
        // cannot be tested against guesses by someone who reads the table.
        this.hashKey = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    private record Claim(String school, String actor, String key) {
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
        Claim claim = new Claim(CurrentActor.of(caller.get()).schoolId(), caller.get().getName(), key);
        String hash = hash(request.getPath(), body);
        Optional<IdempotencyStore.Entry> existing = store.claim(claim.school(), claim.actor(), key, hash);
        if (existing.isEmpty()) {
            request.setAttribute(CLAIM, claim);
            return null;
        }
        IdempotencyStore.Entry entry = existing.get();
        if (!entry.requestHash().equals(hash)) {
            return problems.respond(request, new DomainException(PlatformError.IDEMPOTENCY_KEY_REUSED,
                    "The Idempotency-Key was already used with a different request"));
        }
        if (!entry.answered()) {
            return problems.respond(request, new DomainException(PlatformError.IDEMPOTENCY_KEY_IN_PROGRESS,
                            "A request with this Idempotency-Key is still being processed; retry shortly"))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return replay(entry);
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Claim> claim = request.getAttribute(CLAIM, Claim.class);
        if (claim.isEmpty()) {
            return;
        }
        Claim c = claim.get();
        if (response.code() >= 500) {
            store.release(c.school(), c.actor(), c.key());
            return;
        }
        byte[] body = response.getBody().map(this::serialize).orElse(null);
        String type = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
        store.answer(c.school(), c.actor(), c.key(), response.code(), type, body,
                response.getHeaders().get(HttpHeaders.LOCATION), response.getHeaders().get(HttpHeaders.ETAG));
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
