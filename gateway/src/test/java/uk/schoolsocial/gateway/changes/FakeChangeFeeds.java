package uk.schoolsocial.gateway.changes;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * account-service's and consent-service's change feeds as platform's {@code ChangeLog} answers
 * them: the school from the verified internal token (INTEGRATION, SLT or AUDITOR, else 403), a
 * cursor of base64url {@code c1:SEQ} (400 naming {@code cursor} otherwise), a limit up to 200, a
 * cursor on every page (the given one on an empty page) and {@code more}. Below {@code /feeds}, the
 * path of the service URLs the test configures.
 */
@Requires(property = ChangeFeedTest.DOWNSTREAM_PROPERTY, value = "true")
@Controller("/feeds/api/v1")
class FakeChangeFeeds {

    /** One entry of a service's feed. */
    record Entry(String service, long seq, String school, Instant occurredAt) {
        String id() {
            return service + ":" + seq;
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    void reset() {
        entries.clear();
        asked.clear();
        failing.clear();
    }

    synchronized Entry add(String service, String school, Instant occurredAt) {
        long seq = entries.stream().filter(e -> e.service().equals(service)).count() + 1;
        Entry entry = new Entry(service, seq, school, occurredAt);
        entries.add(entry);
        return entry;
    }

    List<String> asked() {
        return List.copyOf(asked);
    }

    void fail(String service) {
        failing.add(service);
    }

    @Get("/accounts/changes")
    HttpResponse<?> account(HttpRequest<?> request, @Nullable @QueryValue String cursor,
                            @Nullable @QueryValue Integer limit) {
        return page("account", request, cursor, limit);
    }

    @Get("/consents/changes")
    HttpResponse<?> consent(HttpRequest<?> request, @Nullable @QueryValue String cursor,
                            @Nullable @QueryValue Integer limit) {
        return page("consent", request, cursor, limit);
    }

    private HttpResponse<?> page(String service, HttpRequest<?> request, @Nullable String cursor,
                                 @Nullable Integer limit) {
        asked.add(service);
        if (failing.contains(service)) {
            return HttpResponse.serverError(Map.of("status", 500));
        }
        JWTClaimsSet caller = GatewayApi.internalClaims(request.getHeaders().get("Authorization"));
        if (caller == null) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        Object roles = caller.getClaim("roles");
        if (!(roles instanceof List<?> list) || list.stream().noneMatch(List.of("INTEGRATION", "SLT", "AUDITOR")::contains)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        long after;
        try {
            after = cursor == null ? 0 : decode(cursor);
        } catch (RuntimeException e) {
            return HttpResponse.badRequest(Map.of("status", 400, "code", "VALIDATION_FAILED",
                    "errors", List.of(Map.of("field", "cursor", "message", "not a cursor of this change feed"))))
                    .contentType(MediaType.of("application/problem+json"));
        }
        int size = limit == null ? 50 : Math.max(1, Math.min(200, limit));
        String school = (String) caller.getClaim("school");
        List<Entry> mine = entries.stream()
                .filter(e -> e.service().equals(service) && e.school().equals(school) && e.seq() > after).toList();
        List<Entry> page = mine.subList(0, Math.min(size, mine.size()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Entry entry : page) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", service.equals("account") ? "STAFF_LEFT" : "CONSENT");
            item.put("recordId", entry.id());
            item.put("status", "LEFT");
            item.put("occurredAt", entry.occurredAt().toString());
            item.put("link", "/api/v1/" + service + "/" + entry.seq());
            items.add(item);
        }
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return HttpResponse.ok(Map.of("items", items, "cursor", encode(last), "more", mine.size() > size));
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!raw.startsWith("c1:")) {
            throw new IllegalArgumentException(raw);
        }
        return Long.parseLong(raw.substring(3));
    }
}
