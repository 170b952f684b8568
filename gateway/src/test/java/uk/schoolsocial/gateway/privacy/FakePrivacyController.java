package uk.schoolsocial.gateway.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The erasure API of a service as platform's {@code ErasureController} answers it (privacy.yaml):
 * holds for pupil {@code held-1} in incident-service only; erasures recorded with the headers the
 * gateway sent; a service made to fail on demand. Below {@code /fakes}, the path of the service URLs
 * the test configures.
 */
@Requires(property = SuiteErasureTest.DOWNSTREAM_PROPERTY, value = "true")
@Controller("/fakes/api/v1/privacy/{service}")
class FakePrivacyController {

    /** What the fake services saw. */
    @Singleton
    @Requires(property = SuiteErasureTest.DOWNSTREAM_PROPERTY, value = "true")
    static class Seen {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        /** The register: each service's erasures by {@code service/subjectType/subjectId}. */
        final Map<String, Map<String, Object>> register = new ConcurrentHashMap<>();

        void reset() {
            calls.clear();
            failing.clear();
            register.clear();
        }
    }

    private final Seen seen;

    FakePrivacyController(Seen seen) {
        this.seen = seen;
    }

    @Get("/holds")
    HttpResponse<?> holds(String service, @Nullable @QueryValue String subjectType, @Nullable @QueryValue String subjectId,
                          @Nullable @QueryValue String dateOfBirth, HttpRequest<?> request) {
        seen.calls.add("holds " + service + " " + subjectType + " " + subjectId + " " + dateOfBirth + " "
                + (request.getHeaders().get("Authorization") != null));
        if (subjectId == null || subjectId.contains(" ")) {
            return HttpResponse.badRequest(Map.of("status", 400, "code", "VALIDATION_FAILED", "title", "Bad Request",
                    "type", "https://schoolsocial.uk/problems/validation", "detail", "subjectId: is required",
                    "errors", List.of(Map.of("field", "subjectId", "message", "is required"))))
                    .contentType("application/problem+json");
        }
        if (service.equals("incident") && subjectId.equals("held-1")) {
            return HttpResponse.ok(Map.of("holds", List.of(Map.of("hold", "SAFEGUARDING_RECORD", "record", "INCIDENT:i-9",
                    "until", "2040-03-09", "why", "a safeguarding record is kept until the pupil's date of birth + 25 years"))));
        }
        return HttpResponse.ok(Map.of("holds", List.of()));
    }

    @Get("/subjects/{subjectType}/{subjectId}")
    HttpResponse<?> subject(String service, String subjectType, String subjectId) {
        seen.calls.add("subject " + service + " " + subjectType + " " + subjectId);
        if (subjectId.contains(" ")) {
            return HttpResponse.badRequest(Map.of("status", 400, "code", "VALIDATION_FAILED", "title", "Bad Request",
                    "type", "https://schoolsocial.uk/problems/validation", "detail", "subjectId: must be an id",
                    "errors", List.of(Map.of("field", "subjectId", "message", "must be an id"))))
                    .contentType("application/problem+json");
        }
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("schoolId", "demo-school");
        payload.put("pupilId", subjectId);
        payload.put("givenName", "Ada <script>alert(1)</script>");
        payload.put("familyName", null);
        payload.put("people", List.of(Map.of("rosterId", "other-1", "description", "[withheld: another person's data]")));
        Map<String, Object> event = Map.of("eventType", "PupilRosteredEvent", "occurredAt", "2026-09-01T08:00:00Z",
                "actorId", "demo-mis", "payload", payload);
        return HttpResponse.ok(Map.of("service", service, "subjectType", subjectType, "subjectId", subjectId,
                "generatedAt", "2026-12-05T10:15:00Z", "records", List.of(), "complete", true,
                "events", service.equals("consent") ? List.of(event) : List.of()));
    }

    @Post("/erasures")
    HttpResponse<?> erase(String service, @Body Map<String, Object> body, HttpRequest<?> request) {
        seen.calls.add("erase " + service + " " + body.get("subjectId") + " " + request.getHeaders().get("Idempotency-Key"));
        if (seen.failing.contains(service)) {
            return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        Map<String, Object> erasure = Map.of("erasureId", "e-" + service, "subjectType", body.get("subjectType"),
                "subjectId", body.get("subjectId"), "ground", body.get("ground"), "erasedRecords", List.of(),
                "erasedBy", "demo-slt", "erasedAt", "2026-12-05T10:15:00Z");
        seen.register.put(service + "/" + body.get("subjectType") + "/" + body.get("subjectId"), erasure);
        return HttpResponse.created(erasure);
    }

    @Get("/erasures")
    HttpResponse<?> erasures(String service, @Nullable @QueryValue String subjectType,
                             @Nullable @QueryValue String subjectId, @Nullable @QueryValue Integer limit) {
        seen.calls.add("register " + service + " " + subjectType + " " + subjectId + " " + limit);
        Map<String, Object> erasure = seen.register.get(service + "/" + subjectType + "/" + subjectId);
        return HttpResponse.ok(Map.of("items", erasure == null ? List.of() : List.of(erasure)));
    }
}
