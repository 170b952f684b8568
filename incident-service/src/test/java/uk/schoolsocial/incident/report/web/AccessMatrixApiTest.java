package uk.schoolsocial.incident.report.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * INC-7 and tenancy for every endpoint of incident.yaml: each role of DOMAIN.md, in order, and SLT of
 * another school, against one new incident a member of staff reported. A role the endpoint does not
 * admit gets 403; an admitted role gets the very answer its call earns (200, 201, 404 for a made-up
 * id or an incident it may not see, 422 for a step the incident is not ready for), so that neither a
 * refusal for its role nor a failure (5xx) passes; another school gets 404 for the incident.
 */
@MicronautTest(transactional = false)
class AccessMatrixApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");
    private static final List<String> ROLES = List.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION");
    private static final String NOBODYS = "9b2e4c61-1f0a-4d7e-8c3b-5a6d7e8f9a0b";

    /** One endpoint: method, path (with {id}), body or null, and the answer of each role it admits, in order. */
    private record Endpoint(String method, String path, Map<String, Object> body, Map<String, Integer> answers,
                            boolean aboutOneIncident) {
    }

    /** The same answer for each of {@code roles}. */
    private static Map<String, Integer> each(int status, String... roles) {
        Map<String, Integer> answers = new HashMap<>();
        for (String role : roles) {
            answers.put(role, status);
        }
        return answers;
    }

    /** The handlers' answers: SLT's, then DSL's on the incident as SLT left it. */
    private static Map<String, Integer> handlers(int slt, int dsl) {
        return Map.of("SLT", slt, "DSL", dsl);
    }

    private static final String[] REPORTERS = {"STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT"};

    private static List<Endpoint> endpoints() {
        String when = Instant.now().minusSeconds(60).toString().substring(0, 19) + "Z";
        // The incident is another member of staff's: of the reporters, only its handlers see it.
        Map<String, Integer> seenByHandlersOnly = Map.of("STAFF", 404, "SLT", 200, "DSL", 200, "ACCOUNT_ADMIN", 404,
                "PARENT", 404);
        return List.of(
                new Endpoint("POST", "/api/v1/incidents", HandlingApiTest.report("OTHER", "UNKNOWN"),
                        each(201, REPORTERS), false),
                new Endpoint("GET", "/api/v1/incidents", null, each(200, REPORTERS), false),
                new Endpoint("GET", "/api/v1/incidents/{id}", null, seenByHandlersOnly, true),
                new Endpoint("GET", "/api/v1/incidents/{id}/history", null, handlers(200, 200), true),
                // INC-3: assessed once; DSL finds SLT's assessment made.
                new Endpoint("POST", "/api/v1/incidents/{id}/assessment", Map.of("severity", "LOW",
                        "safeguarding", false, "possiblyIllegal", false, "posterType", "UNKNOWN", "route", "PLATFORM"),
                        handlers(200, 422), true),
                new Endpoint("POST", "/api/v1/incidents/{id}/escalations", Map.of("body", "PLATFORM",
                        "escalatedAt", when), handlers(201, 201), true),
                new Endpoint("POST", "/api/v1/incidents/{id}/escalations/" + NOBODYS + "/response",
                        Map.of("response", "ok"), handlers(404, 404), true),
                new Endpoint("POST", "/api/v1/incidents/{id}/takedowns", Map.of("addressee", "PLATFORM",
                        "addressedTo", "X"), handlers(201, 201), true),
                new Endpoint("POST", "/api/v1/incidents/{id}/takedowns/" + NOBODYS + "/removal", Map.of(),
                        handlers(404, 404), true),
                new Endpoint("POST", "/api/v1/incidents/{id}/takedowns/" + NOBODYS + "/abandonment",
                        Map.of("reason", "gone"), handlers(404, 404), true),
                // INC-6: an incident closes only once assessed, and reopens only once closed.
                new Endpoint("POST", "/api/v1/incidents/{id}/closure", Map.of("outcome", "o", "actionsTaken", "a"),
                        handlers(422, 422), true),
                new Endpoint("POST", "/api/v1/incidents/{id}/reopening", Map.of("reason", "r"), handlers(422, 422),
                        true),
                new Endpoint("POST", "/api/v1/incidents/{id}/evidence", Map.of("mediaType", "text/plain",
                        "content", "aGVsbG8="), Map.of("STAFF", 404, "SLT", 201, "DSL", 201, "ACCOUNT_ADMIN", 404,
                        "PARENT", 404), true),
                new Endpoint("GET", "/api/v1/incidents/{id}/evidence/" + NOBODYS, null, handlers(404, 404), true),
                new Endpoint("GET", "/api/v1/incidents/notifications", null, handlers(200, 200), false),
                new Endpoint("GET", "/api/v1/incidents/counts?from=2026-01&to=2026-12", null,
                        each(200, "SLT", "DSL", "AUDITOR"), false),
                new Endpoint("GET", "/api/v1/incidents/report-figures?from=2026-01-01&to=2026-12-31", null,
                        each(200, "SLT", "AUDITOR"), false),
                new Endpoint("GET", "/api/v1/incidents/takedowns", null, handlers(200, 200), false),
                new Endpoint("GET", "/api/v1/incidents/takedown-periods", null, handlers(200, 200), false),
                new Endpoint("POST", "/api/v1/incidents/takedown-periods", Map.of("platform", "X", "hours", 24),
                        each(200, "SLT"), false));
    }

    private int call(String token, Endpoint endpoint, String incidentId) {
        var request = API.badInput(token);
        if (endpoint.body() != null) {
            request = request.body(endpoint.body());
        }
        String path = endpoint.path().replace("{id}", incidentId);
        return (endpoint.method().equals("GET") ? request.get(path) : request.post(path)).statusCode();
    }

    @Test
    void inc7_everyEndpointAdmitsExactlyItsRolesAndHidesOtherSchools() {
        String school = "school-" + UUID.randomUUID();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String incident = API.as(TestTokens.bearer("reporter", school, "STAFF"))
                    .body(HandlingApiTest.report("OTHER", "UNKNOWN")).post("/api/v1/incidents").then().statusCode(201)
                    .extract().header("Location");
            String id = incident.substring(incident.lastIndexOf('/') + 1);
            for (String role : ROLES) {
                int status = call(TestTokens.bearer("someone-" + role, school, role), endpoint, id);
                int expected = endpoint.answers().getOrDefault(role, 403);
                if (status != expected) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + status
                            + ", not " + expected);
                }
            }
            if (endpoint.aboutOneIncident()) {
                int status = call(TestTokens.bearer("slt-x", TestTokens.OTHER_SCHOOL, "SLT"), endpoint, id);
                if (status != 404) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " from another school: " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertNotEquals(0, endpoints().size());
    }
}
