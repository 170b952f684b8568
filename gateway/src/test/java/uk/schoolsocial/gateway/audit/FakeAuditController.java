package uk.schoolsocial.gateway.audit;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * A service's {@code GET /api/v1/audit/{service}/events} as platform's {@code AuditController}
 * answers it: the caller's school from the internal token (AUDITOR or SLT, else 403), the
 * filters, the cursor base64url of {@code seq:N} (400 naming {@code cursor} when it is not one),
 * a limit up to 1000, and a next cursor exactly when the page is full. It sits below
 * {@code /trails}, the path of the service URLs the test configures, so that the gateway's own
 * routes, also present in its context, never see its requests.
 */
@Requires(property = SuiteEventsTest.DOWNSTREAM_PROPERTY, value = "true")
@Controller("/trails/api/v1/audit/{service}")
class FakeAuditController {

    private final FakeTrails trails;

    FakeAuditController(FakeTrails trails) {
        this.trails = trails;
    }

    @Get("/events")
    HttpResponse<?> events(String service, HttpRequest<?> request, @Nullable @QueryValue String aggregateId,
                           @Nullable @QueryValue String type, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String cursor,
                           @Nullable @QueryValue Integer limit) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, String.join(",", values)));
        String authorization = request.getHeaders().get("Authorization");
        trails.received(new FakeTrails.Seen(service, query, authorization, request.getHeaders().get("X-Correlation-Id")));
        if (trails.failing(service)) {
            return HttpResponse.serverError(Map.of("status", 500));
        }
        JWTClaimsSet caller = GatewayApi.internalClaims(authorization);
        if (caller == null) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", null);
        }
        List<String> roles = roles(caller);
        if (!roles.contains("AUDITOR") && !roles.contains("SLT")) {
            return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", null);
        }
        long after;
        try {
            after = cursor == null ? 0 : decode(cursor);
        } catch (RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "cursor");
        }
        int size = limit == null ? 100 : Math.max(1, Math.min(1000, limit));
        String school = (String) caller.getClaim("school");
        List<FakeTrails.Event> events = trails.page(service, school, aggregateId, type,
                from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), after, size);
        Map<String, Object> page = new LinkedHashMap<>();
        if (events.size() == size) {
            page.put("nextCursor", encode(events.get(events.size() - 1).seq()));
        }
        page.put("limit", size);
        return HttpResponse.ok(Map.of("items", events.stream().map(FakeAuditController::item).toList(), "page", page));
    }

    private static Map<String, Object> item(FakeTrails.Event event) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", event.seq());
        item.put("globalIndex", event.seq() + 100);
        item.put("service", event.service());
        item.put("eventId", event.service() + "-event-" + event.seq());
        item.put("schoolId", event.school());
        item.put("aggregateType", "Record");
        item.put("aggregateId", event.aggregateId());
        item.put("sequenceNumber", event.seq() - 1);
        item.put("eventType", event.type());
        item.put("payloadType", "uk.schoolsocial.events." + event.type());
        item.put("occurredAt", event.occurredAt().toString());
        item.put("actorId", "demo-staff");
        item.put("actorRoles", List.of("STAFF"));
        item.put("correlationId", "correlation-" + event.seq());
        item.put("causationId", "causation-" + event.seq());
        item.put("payload", Map.of("note", "event " + event.seq() + " of " + event.service()));
        item.put("entryHash", "0".repeat(64));
        item.put("chainHash", "1".repeat(64));
        return item;
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(JWTClaimsSet claims) {
        return claims.getClaim("roles") instanceof List<?> list ? (List<String>) list : List.of();
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!raw.startsWith("seq:")) {
            throw new IllegalArgumentException(raw);
        }
        return Long.parseLong(raw.substring(4));
    }

    private static HttpResponse<?> problem(HttpStatus status, String code, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://schoolsocial.uk/problems/" + code.toLowerCase());
        problem.put("title", status.getReason());
        problem.put("status", status.getCode());
        problem.put("code", code);
        if (field != null) {
            problem.put("detail", field + " is not a cursor of this trail");
            problem.put("errors", List.of(Map.of("field", field, "message", "is not a cursor of this trail")));
        }
        return HttpResponse.status(status).body(problem).contentType("application/problem+json");
    }
}
