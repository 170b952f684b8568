package uk.schoolsocial.consent;

import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Who may do what (DOMAIN.md roles): every endpoint of consent.yaml against every role. A role not
 * allowed gets 403 FORBIDDEN before anything happens; an allowed role is never refused for its role.
 * School isolation is proven per endpoint in the feature tests (another school's caller gets 404 or
 * an empty answer) and here for the pupil reads.
 */
@MicronautTest(transactional = false)
class RoleMatrixApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi API = new ServiceApi("consent");
    private static final List<String> ROLES = List.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION");
    private static final String PUPIL = "/api/v1/pupils/matrix-pupil";

    @Inject
    EmbeddedServer server;

    private record Endpoint(String method, String path, Set<String> allowed, Function<String, Object> body) {
    }

    private static Endpoint get(String path, String... allowed) {
        return new Endpoint("GET", path, Set.of(allowed), role -> null);
    }

    private static Endpoint post(String path, Function<String, Object> body, String... allowed) {
        return new Endpoint("POST", path, Set.of(allowed), body);
    }

    private static Endpoint put(String path, Function<String, Object> body, String... allowed) {
        return new Endpoint("PUT", path, Set.of(allowed), body);
    }

    private static String actor(String role) {
        return "matrix-" + role.toLowerCase();
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            post("/api/v1/pupils/roster", role -> Map.of("records", List.of(Map.of("pupilId", "matrix-" + UUID.randomUUID(),
                    "forename", "Ann", "surname", "Bee", "yearGroup", "Year 1", "dateOfBirth", "2020-01-01",
                    "parentalResponsibility", List.of()))), "INTEGRATION"),
            post(PUPIL + "/consents", role -> Map.of("channel", "WEBSITE", "givenBy", actor(role),
                    "method", "SIGNED_ONLINE", "givenOn", "2026-09-04"), "PARENT", "STAFF", "SLT"),
            get(PUPIL + "/consents", "PARENT", "STAFF", "SLT", "DSL", "AUDITOR"),
            get(PUPIL + "/consents/history", "PARENT", "STAFF", "SLT", "DSL", "AUDITOR"),
            post(PUPIL + "/objection", role -> Map.of(), "STAFF", "SLT", "DSL"),
            post(PUPIL + "/objection/lifting", role -> Map.of("reason", "Changed their mind"), "STAFF", "SLT", "DSL"),
            post(PUPIL + "/consents/WEBSITE/withdrawal", role -> Map.of("withdrawnBy", actor(role)),
                    "PARENT", "STAFF", "SLT"),
            post("/api/v1/consents/checks", role -> Map.of("channel", "WEBSITE", "pupilIds", List.of("matrix-pupil")),
                    "STAFF", "SLT", "ACCOUNT_ADMIN"),
            post("/api/v1/consents/publications", role -> Map.of("checkId", "0".repeat(64), "channel", "WEBSITE",
                    "pupilIds", List.of("matrix-pupil"), "link", "https://example.org/p", "publishedOn", "2026-10-01"),
                    "STAFF", "SLT", "ACCOUNT_ADMIN"),
            get("/api/v1/consents/publications", "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR"),
            get("/api/v1/consents/takedowns", "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR"),
            post("/api/v1/consents/publications/" + UUID.randomUUID() + "/takedown", role -> Map.of(),
                    "STAFF", "SLT", "ACCOUNT_ADMIN"),
            get("/api/v1/consents/leaver-publications", "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR"),
            put("/api/v1/consents/leaver-publications/PRINT", role -> Map.of("choice", "REVIEW"), "SLT"),
            get("/api/v1/consents/reviews", "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR"),
            post("/api/v1/consents/publications/" + UUID.randomUUID() + "/review", role -> Map.of("decision", "KEEP"),
                    "STAFF", "SLT", "ACCOUNT_ADMIN"),
            get("/api/v1/consents/sheet?yearGroup=Year%201", "STAFF", "SLT", "DSL", "AUDITOR"),
            get("/api/v1/consents/sheet.csv?yearGroup=Year%201", "STAFF", "SLT", "DSL", "AUDITOR"),
            get("/api/v1/official-accounts", "SLT", "STAFF", "ACCOUNT_ADMIN", "AUDITOR"),
            get("/api/v1/consents/report-figures?from=2026-01-01&to=2026-12-31", "SLT", "AUDITOR"));

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                boolean allowed = endpoint.allowed().contains(role);
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + role
                        + (allowed ? " is let through" : " is forbidden"), () -> {
                    RequestSpecification request = API.badInput(server.getPort(),
                            TestTokens.bearer(actor(role), TestTokens.SCHOOL, role));
                    Object body = endpoint.body().apply(role);
                    if (body != null) {
                        request = request.body(body);
                    }
                    var response = request.request(endpoint.method(), endpoint.path()).then();
                    if (allowed) {
                        // let through, and answered: a refusal of the request itself (404, 409, 422) is fine, a failure is not
                        response.statusCode(allOf(not(oneOf(401, 403)), lessThan(500)));
                    } else {
                        response.statusCode(403).body("code", equalTo("FORBIDDEN"));
                    }
                }));
            }
        }
        return tests.stream();
    }
}
