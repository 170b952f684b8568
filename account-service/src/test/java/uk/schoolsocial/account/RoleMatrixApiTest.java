package uk.schoolsocial.account;

import static org.hamcrest.Matchers.equalTo;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Who may do what (DOMAIN.md roles table) on every endpoint of account.yaml: each role that may
 * not call an endpoint gets 403, and a role that may gets 404 for another school's record.
 */
@MicronautTest(transactional = false)
class RoleMatrixApiTest implements DatabaseTest {

    private static final ServiceApi API = new ServiceApi("account");
    private static final List<String> ROLES = List.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION");
    private static final Set<String> WRITERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN");
    private static final Set<String> READERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR");
    private static final Set<String> ROSTER_READERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR",
            "INTEGRATION");
    private static final Set<String> OVERSIGHT = Set.of("SLT", "ACCOUNT_ADMIN", "AUDITOR");

    @Inject
    EmbeddedServer server;
    private String applicationId;
    private String accountId;
    private String messageId;

    private record Endpoint(String method, String path, Set<String> allowed, boolean perRecord) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** {app}, {acc}, {msg} and {staff} are filled in with records of the test school. */
    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/v1/applications", WRITERS, false),
                new Endpoint("GET", "/api/v1/applications", READERS, false),
                new Endpoint("GET", "/api/v1/applications/{app}", READERS, true),
                new Endpoint("POST", "/api/v1/applications/{app}/withdrawal", WRITERS, true),
                new Endpoint("POST", "/api/v1/applications/{app}/approval", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/applications/{app}/rejection", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/applications/{app}/revisions", WRITERS, true),
                new Endpoint("GET", "/api/v1/applications/{app}/revisions", READERS, true),
                new Endpoint("POST", "/api/v1/staff/sync", Set.of("INTEGRATION"), false),
                new Endpoint("POST", "/api/v1/staff/declarations", WRITERS, false),
                new Endpoint("GET", "/api/v1/staff/declarations", Set.of("SLT", "DSL"), false),
                new Endpoint("GET", "/api/v1/staff/declarations/" + UUID.randomUUID(), Set.of("SLT", "DSL"), false),
                new Endpoint("POST", "/api/v1/staff/declarations/" + UUID.randomUUID() + "/approval", Set.of("SLT"),
                        false),
                new Endpoint("POST", "/api/v1/staff/declarations/" + UUID.randomUUID() + "/refusal", Set.of("SLT"),
                        false),
                new Endpoint("POST", "/api/v1/staff/volunteers", Set.of("SLT", "ACCOUNT_ADMIN"), false),
                new Endpoint("GET", "/api/v1/staff", ROSTER_READERS, false),
                new Endpoint("GET", "/api/v1/staff/{staff}", ROSTER_READERS, true),
                new Endpoint("PUT", "/api/v1/staff/{staff}", Set.of("SLT"), false),
                // Another school's caller is not the member, so that is 403 before the record is looked for.
                new Endpoint("POST", "/api/v1/staff/{staff}/acknowledgements", WRITERS, false),
                new Endpoint("POST", "/api/v1/staff/{staff}/trainings", Set.of("SLT", "ACCOUNT_ADMIN"), true),
                new Endpoint("POST", "/api/v1/accounts", Set.of("ACCOUNT_ADMIN"), false),
                new Endpoint("GET", "/api/v1/accounts", READERS, false),
                new Endpoint("GET", "/api/v1/accounts/{acc}", READERS, true),
                new Endpoint("GET", "/api/v1/accounts/{acc}/history", OVERSIGHT, true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/acknowledgements", WRITERS, true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/trainings", Set.of("SLT", "ACCOUNT_ADMIN"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/suspension", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/reinstatement", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/closure", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/reviews", Set.of("SLT"), true),
                new Endpoint("PUT", "/api/v1/accounts/{acc}/credentials", WRITERS, true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/credentials/reveal", WRITERS, true),
                new Endpoint("POST", "/api/v1/accounts/policy-versions", Set.of("SLT"), false),
                new Endpoint("GET", "/api/v1/accounts/handovers", OVERSIGHT, false),
                new Endpoint("GET", "/api/v1/accounts/report-figures?from=2026-01-01&to=2026-12-31",
                        Set.of("SLT", "AUDITOR"), false),
                new Endpoint("GET", "/api/v1/accounts/changes", Set.of("INTEGRATION", "SLT", "AUDITOR"), false),
                new Endpoint("POST", "/api/v1/accounts/{acc}/handovers/" + UUID.randomUUID() + "/transfer",
                        Set.of("ACCOUNT_ADMIN"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/messages", WRITERS, true),
                new Endpoint("GET", "/api/v1/accounts/{acc}/messages", READERS, true),
                new Endpoint("GET", "/api/v1/accounts/{acc}/messages/{msg}", READERS, true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/messages/{msg}/answer", WRITERS, true),
                new Endpoint("GET", "/api/v1/accounts/response-breaches", OVERSIGHT, false),
                new Endpoint("GET", "/api/v1/accounts/school-holidays", READERS, false),
                new Endpoint("PUT", "/api/v1/accounts/school-holidays", Set.of("SLT", "ACCOUNT_ADMIN"), false),
                // AUD-4: the subject access request register
                new Endpoint("POST", "/api/v1/privacy/requests", Set.of("SLT"), false),
                new Endpoint("GET", "/api/v1/privacy/requests", Set.of("SLT", "AUDITOR"), false),
                new Endpoint("GET", "/api/v1/privacy/requests/" + UUID.randomUUID(), Set.of("SLT", "AUDITOR"), false),
                new Endpoint("POST", "/api/v1/privacy/requests/" + UUID.randomUUID() + "/extension", Set.of("SLT"),
                        false),
                new Endpoint("POST", "/api/v1/privacy/requests/" + UUID.randomUUID() + "/fulfilment", Set.of("SLT"),
                        false));
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            ROLES.stream().filter(role -> !endpoint.allowed().contains(role))
                    .forEach(role -> cases.add(Arguments.of(endpoint, role)));
        }
        return cases.stream();
    }

    static Stream<Arguments> otherSchool() {
        return endpoints().stream().filter(Endpoint::perRecord)
                .map(endpoint -> Arguments.of(endpoint, endpoint.allowed().contains("SLT") ? "SLT"
                        : endpoint.allowed().iterator().next()));
    }

    @BeforeAll
    void createRecords() {
        API.as(server.getPort(), TestTokens.bearer("mis", TestTokens.SCHOOL, "INTEGRATION"))
                .body(Map.of("records", List.of(Map.of("staffId", "s-1", "forename", "Priya", "surname", "Shah"),
                        Map.of("staffId", "s-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        String location = API.as(server.getPort(), TestTokens.bearer("applicant", TestTokens.SCHOOL, "STAFF"))
                .body(Map.of("platform", "BLOG", "proposedName", "Oakfield Science", "aim", "a", "audience", "b",
                        "promotion", "c", "administrators", List.of("s-1", "s-2"), "privacy", "OPEN",
                        "privacyReason", "d"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        applicationId = location.substring(location.lastIndexOf('/') + 1);
        API.as(server.getPort(), TestTokens.bearer("head", TestTokens.SCHOOL, "SLT")).body(Map.of("reason", "ok"))
                .post(location + "/approval").then().statusCode(200);
        String account = API.as(server.getPort(), TestTokens.bearer("admin", TestTokens.SCHOOL, "ACCOUNT_ADMIN"))
                .body(Map.of("applicationId", applicationId, "handle", "oakfield_science", "displayName", "Science",
                        "whoMayPost", List.of("s-1"), "followersApproved", false, "taggingOff", true,
                        "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
        accountId = account.substring(account.lastIndexOf('/') + 1);
        String message = API.as(server.getPort(), TestTokens.bearer("s-1", TestTokens.SCHOOL, "STAFF"))
                .body(bodyFor(new Endpoint("POST", "/api/v1/accounts/{acc}/messages", WRITERS, true)))
                .post(account + "/messages").then().statusCode(201).extract().header("Location");
        messageId = message.substring(message.lastIndexOf('/') + 1);
    }

    private static RequestSpecification withBody(RequestSpecification request, Endpoint endpoint) {
        return "GET".equals(endpoint.method()) ? request : request.body(bodyFor(endpoint));
    }

    private String path(Endpoint endpoint) {
        return endpoint.path().replace("{app}", applicationId).replace("{acc}", accountId).replace("{msg}", messageId)
                .replace("{staff}", "s-1");
    }

    @ParameterizedTest(name = "{0} as {1} is 403")
    @MethodSource("forbidden")
    void rolesOfDomainMd_eachForbiddenRoleGets403(Endpoint endpoint, String role) {
        withBody(API.badInput(server.getPort(), TestTokens.bearer("someone", TestTokens.SCHOOL, role)), endpoint)
                .request(endpoint.method(), path(endpoint)).then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @ParameterizedTest(name = "{0} as another school's {1} is 404")
    @MethodSource("otherSchool")
    void tenancy_anotherSchoolsRecordIsNotFound(Endpoint endpoint, String role) {
        withBody(API.badInput(server.getPort(), TestTokens.bearer("someone", TestTokens.OTHER_SCHOOL, role)), endpoint)
                .request(endpoint.method(), path(endpoint)).then()
                .statusCode(404).contentType("application/problem+json");
    }

    /** A valid body, so the answer is about the record, not the input. */
    private static Map<String, Object> bodyFor(Endpoint endpoint) {
        String path = endpoint.path();
        if (path.endsWith("/revisions")) {
            return Map.of("platform", "BLOG", "proposedName", "Science", "aim", "a", "audience", "b", "promotion", "c",
                    "administrators", List.of("s-1", "s-2"), "privacy", "OPEN", "privacyReason", "d");
        }
        if (path.endsWith("/acknowledgements")) {
            return Map.of("policyVersion", 1);
        }
        if (path.endsWith("/trainings")) {
            return Map.of("administratorId", "s-1");
        }
        if (path.endsWith("/credentials")) {
            return Map.of("login", "x", "secret", "y");
        }
        if (path.endsWith("/transfer")) {
            return Map.of("newAdministratorId", "s-1", "credentials", Map.of("login", "x", "secret", "y"));
        }
        if (path.endsWith("/messages")) {
            return Map.of("type", "QUERY", "channel", "POST_COMMENT", "summary", "When is sports day?",
                    "receivedAt", java.time.Instant.now().minusSeconds(60).toString());
        }
        if (path.endsWith("/answer")) {
            return Map.of("answer", "On the website");
        }
        if (path.endsWith("/school-holidays")) {
            return Map.of("holidays", List.of());
        }
        if (path.endsWith("/privacy/requests")) {
            return Map.of("subjectType", "PUPIL", "subjectId", "p-1", "receivedOn", "2026-01-31");
        }
        if (path.endsWith("/extension")) {
            return Map.of("reason", "Complex", "months", 1);
        }
        if (path.endsWith("/fulfilment")) {
            return Map.of("fulfilledOn", "2026-02-01");
        }
        if (path.endsWith("/reviews")) {
            return Map.of("notes", "n");
        }
        return Map.of("reason", "because");
    }
}
