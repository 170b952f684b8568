package uk.schoolsocial.consent;

import static org.hamcrest.Matchers.equalTo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.Bearers;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Who may do what (DOMAIN.md roles): every endpoint of consent.yaml against every role, in order, on
 * one pupil of the roster whose one adult with parental responsibility is matrix-parent. A role not
 * allowed gets 403 FORBIDDEN before anything happens; an allowed role gets the very answer its call
 * earns (200, 201, 404 for a made-up id, 409 or 422 for a call the rules refuse), so that neither a
 * refusal for its role nor a failure (5xx) passes as "let through".
 */
@MicronautTest(transactional = false)
class RoleMatrixApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final List<String> ROLES = List.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION");
    private static final String PUPIL = "/api/v1/pupils/matrix-pupil";

    /** The answer each allowed role gets, in the order of {@link #ROLES}; every other role is refused. */
    private record Endpoint(String method, String path, Map<String, Integer> answers, Function<String, Object> body) {
    }

    private static Endpoint get(String path, Map<String, Integer> answers) {
        return new Endpoint("GET", path, answers, role -> null);
    }

    private static Endpoint post(String path, Function<String, Object> body, Map<String, Integer> answers) {
        return new Endpoint("POST", path, answers, body);
    }

    private static Endpoint put(String path, Function<String, Object> body, Map<String, Integer> answers) {
        return new Endpoint("PUT", path, answers, body);
    }

    /** The same answer for each of {@code roles}. */
    private static Map<String, Integer> each(int status, String... roles) {
        Map<String, Integer> answers = new HashMap<>();
        for (String role : roles) {
            answers.put(role, status);
        }
        return answers;
    }

    private static String actor(String role) {
        return "matrix-" + role.toLowerCase();
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            post("/api/v1/pupils/roster", role -> Map.of("records", List.of(Map.of("pupilId", "matrix-" + UUID.randomUUID(),
                    "forename", "Ann", "surname", "Bee", "yearGroup", "Year 1", "dateOfBirth", "2020-01-01",
                    "parentalResponsibility", List.of()))), each(200, "INTEGRATION")),
            // Staff and SLT name themselves as the giver, who holds no parental responsibility (CON-1).
            post(PUPIL + "/consents", role -> Map.of("channel", "WEBSITE", "givenBy", actor(role),
                    "method", "SIGNED_ONLINE", "givenOn", "2026-09-04"),
                    Map.of("STAFF", 422, "SLT", 422, "PARENT", 201)),
            get(PUPIL + "/consents", each(200, "PARENT", "STAFF", "SLT", "DSL", "AUDITOR")),
            get(PUPIL + "/consents/history", each(200, "PARENT", "STAFF", "SLT", "DSL", "AUDITOR")),
            // CON-2: once recorded, the objection is already there.
            post(PUPIL + "/objection", role -> Map.of(), Map.of("STAFF", 201, "SLT", 409, "DSL", 409)),
            post(PUPIL + "/objection/lifting", role -> Map.of("reason", "Changed their mind"),
                    Map.of("STAFF", 200, "SLT", 409, "DSL", 409)),
            // CON-3: only matrix-parent may withdraw, and then nothing stands on the channel.
            post(PUPIL + "/consents/WEBSITE/withdrawal", role -> Map.of("withdrawnBy", actor(role)),
                    Map.of("STAFF", 422, "SLT", 422, "PARENT", 200)),
            post("/api/v1/consents/checks", role -> Map.of("channel", "WEBSITE", "pupilIds", List.of("matrix-pupil")),
                    each(200, "STAFF", "SLT", "ACCOUNT_ADMIN")),
            // CON-5: no check passed with that id.
            post("/api/v1/consents/publications", role -> Map.of("checkId", "0".repeat(64), "channel", "WEBSITE",
                    "pupilIds", List.of("matrix-pupil"), "link", "https://example.org/p", "publishedOn", "2026-10-01"),
                    each(422, "STAFF", "SLT", "ACCOUNT_ADMIN")),
            get("/api/v1/consents/publications", each(200, "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR")),
            get("/api/v1/consents/takedowns", each(200, "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR")),
            post("/api/v1/consents/publications/" + UUID.randomUUID() + "/takedown", role -> Map.of(),
                    each(404, "STAFF", "SLT", "ACCOUNT_ADMIN")),
            get("/api/v1/consents/leaver-publications", each(200, "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR")),
            put("/api/v1/consents/leaver-publications/PRINT", role -> Map.of("choice", "REVIEW"), each(200, "SLT")),
            get("/api/v1/consents/reviews", each(200, "STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR")),
            post("/api/v1/consents/publications/" + UUID.randomUUID() + "/review", role -> Map.of("decision", "KEEP"),
                    each(404, "STAFF", "SLT", "ACCOUNT_ADMIN")),
            get("/api/v1/consents/sheet?yearGroup=Year%201", each(200, "STAFF", "SLT", "DSL", "AUDITOR")),
            get("/api/v1/consents/sheet.csv?yearGroup=Year%201", each(200, "STAFF", "SLT", "DSL", "AUDITOR")),
            get("/api/v1/official-accounts", each(200, "SLT", "STAFF", "ACCOUNT_ADMIN", "AUDITOR")),
            get("/api/v1/consents/report-figures?from=2026-01-01&to=2026-12-31", each(200, "SLT", "AUDITOR")));

    @BeforeAll
    void rosterTheMatrixPupil() {
        API.as(Bearers.MIS).body(Map.of("records", List.of(Map.of("pupilId", "matrix-pupil", "forename", "Ann",
                        "surname", "Matrix", "yearGroup", "Year 1", "dateOfBirth", "2020-01-01",
                        "parentalResponsibility", List.of(actor("PARENT"))))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("added", equalTo(1));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                Integer answer = endpoint.answers().get(role);
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + role
                        + (answer != null ? " is answered " + answer : " is forbidden"), () -> {
                    RequestSpecification request = API.badInput(TestTokens.bearer(actor(role), TestTokens.SCHOOL, role));
                    Object body = endpoint.body().apply(role);
                    if (body != null) {
                        request = request.body(body);
                    }
                    var response = request.request(endpoint.method(), endpoint.path()).then();
                    if (answer != null) {
                        response.statusCode(answer);
                    } else {
                        response.statusCode(403).body("code", equalTo("FORBIDDEN"));
                    }
                }));
            }
        }
        return tests.stream();
    }
}
