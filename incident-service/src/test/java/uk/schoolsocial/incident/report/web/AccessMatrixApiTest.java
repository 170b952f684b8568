package uk.schoolsocial.incident.report.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * INC-7 and tenancy for every endpoint of incident.yaml: each role of DOMAIN.md, and SLT of another
 * school, against one incident. A role the endpoint does not admit gets 403; an admitted role never
 * does; another school gets 404 for the incident (or nothing of it in a list).
 */
@MicronautTest(transactional = false)
class AccessMatrixApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi API = new ServiceApi("incident");
    private static final List<String> ROLES = List.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION");
    private static final Set<String> REPORTERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT");
    private static final Set<String> HANDLERS = Set.of("SLT", "DSL");
    private static final Set<String> COUNTERS = Set.of("SLT", "DSL", "AUDITOR");
    private static final String NOBODYS = "9b2e4c61-1f0a-4d7e-8c3b-5a6d7e8f9a0b";

    @Inject
    EmbeddedServer server;

    /** One endpoint: method, path (with {id}), body or null, and the roles it admits. */
    private record Endpoint(String method, String path, Map<String, Object> body, Set<String> admitted,
                            boolean aboutOneIncident) {
    }

    private static List<Endpoint> endpoints() {
        String when = Instant.now().minusSeconds(60).toString().substring(0, 19) + "Z";
        return List.of(
                new Endpoint("POST", "/api/v1/incidents", HandlingApiTest.report("OTHER", "UNKNOWN"), REPORTERS, false),
                new Endpoint("GET", "/api/v1/incidents", null, REPORTERS, false),
                new Endpoint("GET", "/api/v1/incidents/{id}", null, REPORTERS, true),
                new Endpoint("GET", "/api/v1/incidents/{id}/history", null, HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/assessment", Map.of("severity", "LOW",
                        "safeguarding", false, "possiblyIllegal", false, "posterType", "UNKNOWN", "route", "PLATFORM"),
                        HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/escalations", Map.of("body", "PLATFORM",
                        "escalatedAt", when), HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/escalations/" + NOBODYS + "/response",
                        Map.of("response", "ok"), HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/takedowns", Map.of("addressee", "PLATFORM",
                        "addressedTo", "X"), HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/takedowns/" + NOBODYS + "/removal", Map.of(),
                        HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/takedowns/" + NOBODYS + "/abandonment",
                        Map.of("reason", "gone"), HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/closure", Map.of("outcome", "o", "actionsTaken", "a"),
                        HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/reopening", Map.of("reason", "r"), HANDLERS, true),
                new Endpoint("POST", "/api/v1/incidents/{id}/evidence", Map.of("mediaType", "text/plain",
                        "content", "aGVsbG8="), REPORTERS, true),
                new Endpoint("GET", "/api/v1/incidents/{id}/evidence/" + NOBODYS, null, HANDLERS, true),
                new Endpoint("GET", "/api/v1/incidents/notifications", null, HANDLERS, false),
                new Endpoint("GET", "/api/v1/incidents/counts?from=2026-01&to=2026-12", null, COUNTERS, false),
                new Endpoint("GET", "/api/v1/incidents/report-figures?from=2026-01-01&to=2026-12-31", null,
                        Set.of("SLT", "AUDITOR"), false),
                new Endpoint("GET", "/api/v1/incidents/takedowns", null, HANDLERS, false),
                new Endpoint("GET", "/api/v1/incidents/takedown-periods", null, HANDLERS, false),
                new Endpoint("POST", "/api/v1/incidents/takedown-periods", Map.of("platform", "X", "hours", 24),
                        Set.of("SLT"), false));
    }

    private int call(String token, Endpoint endpoint, String incidentId) {
        var request = API.badInput(server.getPort(), token);
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
            String incident = API.as(server.getPort(), TestTokens.bearer("reporter", school, "STAFF"))
                    .body(HandlingApiTest.report("OTHER", "UNKNOWN")).post("/api/v1/incidents").then().statusCode(201)
                    .extract().header("Location");
            String id = incident.substring(incident.lastIndexOf('/') + 1);
            for (String role : ROLES) {
                int status = call(TestTokens.bearer("someone-" + role, school, role), endpoint, id);
                boolean admitted = endpoint.admitted().contains(role);
                if (admitted ? status == 403 || status == 401 || status >= 500 : status != 403) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + status);
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
