package uk.schoolsocial.account;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Who may do what (DOMAIN.md roles table) on every endpoint of account.yaml: each role that may
 * not call an endpoint gets 403; each role that may gets the very answer its call earns, in order on
 * the records of the test school (so neither a refusal for its role nor a failure passes as "let
 * through"); and a role that may gets 404 for another school's record.
 */
@MicronautTest(transactional = false)
class RoleMatrixApiTest implements CredentialsKeyDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    private static final List<String> ROLES = List.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION");
    private static final Set<String> WRITERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN");
    private static final Set<String> READERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR");
    private static final Set<String> ROSTER_READERS = Set.of("STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "AUDITOR",
            "INTEGRATION");
    private static final Set<String> OVERSIGHT = Set.of("SLT", "ACCOUNT_ADMIN", "AUDITOR");

    private static final Pattern MADE_UP = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
                        false),
                // Last, so that the calls on the account before them find it live.
                new Endpoint("POST", "/api/v1/accounts/{acc}/suspension", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/reinstatement", Set.of("SLT"), true),
                new Endpoint("POST", "/api/v1/accounts/{acc}/closure", Set.of("SLT"), true));
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
        API.as(TestTokens.bearer("mis", TestTokens.SCHOOL, "INTEGRATION"))
                .body(Map.of("records", List.of(Map.of("staffId", "s-1", "forename", "Priya", "surname", "Shah"),
                        Map.of("staffId", "s-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        String location = API.as(TestTokens.bearer("applicant", TestTokens.SCHOOL, "STAFF"))
                .body(Map.of("platform", "BLOG", "proposedName", "Oakfield Science", "aim", "a", "audience", "b",
                        "promotion", "c", "administrators", List.of("s-1", "s-2"), "privacy", "OPEN",
                        "privacyReason", "d"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        applicationId = location.substring(location.lastIndexOf('/') + 1);
        API.as(TestTokens.bearer("head", TestTokens.SCHOOL, "SLT")).body(Map.of("reason", "ok"))
                .post(location + "/approval").then().statusCode(200);
        String account = API.as(TestTokens.bearer("admin", TestTokens.SCHOOL, "ACCOUNT_ADMIN"))
                .body(Map.of("applicationId", applicationId, "handle", "oakfield_science", "displayName", "Science",
                        "whoMayPost", List.of("s-1"), "followersApproved", false, "taggingOff", true,
                        "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
        accountId = account.substring(account.lastIndexOf('/') + 1);
        String message = API.as(TestTokens.bearer("s-1", TestTokens.SCHOOL, "STAFF"))
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

    /**
     * What each allowed role is answered, endpoint by endpoint in the order of {@link #endpoints()}
     * and role by role in the order of {@link #ROLES}, each call on the records as the calls before
     * left them, the caller being in that role the applicant for the application's endpoints (but its
     * decisions, which are never the applicant's) and s-1, an administrator of the account, for the
     * others; a made-up id is shown as {@code {made-up}}. A 400 is a call whose body here is not the one
     * it takes (a staff record, a provisioning): the role was let through to read it.
     */
    private static final String ANSWERS = """
            POST /api/v1/applications as STAFF: 201
            POST /api/v1/applications as SLT: 201
            POST /api/v1/applications as DSL: 201
            POST /api/v1/applications as ACCOUNT_ADMIN: 201
            GET /api/v1/applications as STAFF: 200
            GET /api/v1/applications as SLT: 200
            GET /api/v1/applications as DSL: 200
            GET /api/v1/applications as ACCOUNT_ADMIN: 200
            GET /api/v1/applications as AUDITOR: 200
            GET /api/v1/applications/{app} as STAFF: 200
            GET /api/v1/applications/{app} as SLT: 200
            GET /api/v1/applications/{app} as DSL: 200
            GET /api/v1/applications/{app} as ACCOUNT_ADMIN: 200
            GET /api/v1/applications/{app} as AUDITOR: 200
            POST /api/v1/applications/{app}/withdrawal as STAFF: 409
            POST /api/v1/applications/{app}/withdrawal as SLT: 409
            POST /api/v1/applications/{app}/withdrawal as DSL: 409
            POST /api/v1/applications/{app}/withdrawal as ACCOUNT_ADMIN: 409
            POST /api/v1/applications/{app}/approval as SLT: 409
            POST /api/v1/applications/{app}/rejection as SLT: 409
            POST /api/v1/applications/{app}/revisions as STAFF: 409
            POST /api/v1/applications/{app}/revisions as SLT: 409
            POST /api/v1/applications/{app}/revisions as DSL: 409
            POST /api/v1/applications/{app}/revisions as ACCOUNT_ADMIN: 409
            GET /api/v1/applications/{app}/revisions as STAFF: 200
            GET /api/v1/applications/{app}/revisions as SLT: 200
            GET /api/v1/applications/{app}/revisions as DSL: 200
            GET /api/v1/applications/{app}/revisions as ACCOUNT_ADMIN: 200
            GET /api/v1/applications/{app}/revisions as AUDITOR: 200
            POST /api/v1/staff/sync as INTEGRATION: 200
            POST /api/v1/staff/declarations as STAFF: 201
            POST /api/v1/staff/declarations as SLT: 201
            POST /api/v1/staff/declarations as DSL: 201
            POST /api/v1/staff/declarations as ACCOUNT_ADMIN: 201
            GET /api/v1/staff/declarations as SLT: 200
            GET /api/v1/staff/declarations as DSL: 200
            GET /api/v1/staff/declarations/{made-up} as SLT: 404
            GET /api/v1/staff/declarations/{made-up} as DSL: 404
            POST /api/v1/staff/declarations/{made-up}/approval as SLT: 404
            POST /api/v1/staff/declarations/{made-up}/refusal as SLT: 404
            POST /api/v1/staff/volunteers as SLT: 201
            POST /api/v1/staff/volunteers as ACCOUNT_ADMIN: 201
            GET /api/v1/staff as STAFF: 200
            GET /api/v1/staff as SLT: 200
            GET /api/v1/staff as DSL: 200
            GET /api/v1/staff as ACCOUNT_ADMIN: 200
            GET /api/v1/staff as AUDITOR: 200
            GET /api/v1/staff as INTEGRATION: 200
            GET /api/v1/staff/{staff} as STAFF: 200
            GET /api/v1/staff/{staff} as SLT: 200
            GET /api/v1/staff/{staff} as DSL: 200
            GET /api/v1/staff/{staff} as ACCOUNT_ADMIN: 200
            GET /api/v1/staff/{staff} as AUDITOR: 200
            GET /api/v1/staff/{staff} as INTEGRATION: 200
            PUT /api/v1/staff/{staff} as SLT: 400
            POST /api/v1/staff/{staff}/acknowledgements as STAFF: 200
            POST /api/v1/staff/{staff}/acknowledgements as SLT: 200
            POST /api/v1/staff/{staff}/acknowledgements as DSL: 200
            POST /api/v1/staff/{staff}/acknowledgements as ACCOUNT_ADMIN: 200
            POST /api/v1/staff/{staff}/trainings as SLT: 200
            POST /api/v1/staff/{staff}/trainings as ACCOUNT_ADMIN: 200
            POST /api/v1/accounts as ACCOUNT_ADMIN: 400
            GET /api/v1/accounts as STAFF: 200
            GET /api/v1/accounts as SLT: 200
            GET /api/v1/accounts as DSL: 200
            GET /api/v1/accounts as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts as AUDITOR: 200
            GET /api/v1/accounts/{acc} as STAFF: 200
            GET /api/v1/accounts/{acc} as SLT: 200
            GET /api/v1/accounts/{acc} as DSL: 200
            GET /api/v1/accounts/{acc} as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/{acc} as AUDITOR: 200
            GET /api/v1/accounts/{acc}/history as SLT: 200
            GET /api/v1/accounts/{acc}/history as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/{acc}/history as AUDITOR: 200
            POST /api/v1/accounts/{acc}/acknowledgements as STAFF: 200
            POST /api/v1/accounts/{acc}/acknowledgements as SLT: 200
            POST /api/v1/accounts/{acc}/acknowledgements as DSL: 200
            POST /api/v1/accounts/{acc}/acknowledgements as ACCOUNT_ADMIN: 200
            POST /api/v1/accounts/{acc}/trainings as SLT: 200
            POST /api/v1/accounts/{acc}/trainings as ACCOUNT_ADMIN: 200
            POST /api/v1/accounts/{acc}/reviews as SLT: 200
            PUT /api/v1/accounts/{acc}/credentials as STAFF: 200
            PUT /api/v1/accounts/{acc}/credentials as SLT: 200
            PUT /api/v1/accounts/{acc}/credentials as DSL: 200
            PUT /api/v1/accounts/{acc}/credentials as ACCOUNT_ADMIN: 200
            POST /api/v1/accounts/{acc}/credentials/reveal as STAFF: 200
            POST /api/v1/accounts/{acc}/credentials/reveal as SLT: 200
            POST /api/v1/accounts/{acc}/credentials/reveal as DSL: 200
            POST /api/v1/accounts/{acc}/credentials/reveal as ACCOUNT_ADMIN: 200
            POST /api/v1/accounts/policy-versions as SLT: 201
            GET /api/v1/accounts/handovers as SLT: 200
            GET /api/v1/accounts/handovers as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/handovers as AUDITOR: 200
            GET /api/v1/accounts/report-figures?from=2026-01-01&to=2026-12-31 as SLT: 200
            GET /api/v1/accounts/report-figures?from=2026-01-01&to=2026-12-31 as AUDITOR: 200
            GET /api/v1/accounts/changes as SLT: 200
            GET /api/v1/accounts/changes as AUDITOR: 200
            GET /api/v1/accounts/changes as INTEGRATION: 200
            POST /api/v1/accounts/{acc}/handovers/{made-up}/transfer as ACCOUNT_ADMIN: 409
            POST /api/v1/accounts/{acc}/messages as STAFF: 201
            POST /api/v1/accounts/{acc}/messages as SLT: 201
            POST /api/v1/accounts/{acc}/messages as DSL: 201
            POST /api/v1/accounts/{acc}/messages as ACCOUNT_ADMIN: 201
            GET /api/v1/accounts/{acc}/messages as STAFF: 200
            GET /api/v1/accounts/{acc}/messages as SLT: 200
            GET /api/v1/accounts/{acc}/messages as DSL: 200
            GET /api/v1/accounts/{acc}/messages as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/{acc}/messages as AUDITOR: 200
            GET /api/v1/accounts/{acc}/messages/{msg} as STAFF: 200
            GET /api/v1/accounts/{acc}/messages/{msg} as SLT: 200
            GET /api/v1/accounts/{acc}/messages/{msg} as DSL: 200
            GET /api/v1/accounts/{acc}/messages/{msg} as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/{acc}/messages/{msg} as AUDITOR: 200
            POST /api/v1/accounts/{acc}/messages/{msg}/answer as STAFF: 200
            POST /api/v1/accounts/{acc}/messages/{msg}/answer as SLT: 409
            POST /api/v1/accounts/{acc}/messages/{msg}/answer as DSL: 409
            POST /api/v1/accounts/{acc}/messages/{msg}/answer as ACCOUNT_ADMIN: 409
            GET /api/v1/accounts/response-breaches as SLT: 200
            GET /api/v1/accounts/response-breaches as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/response-breaches as AUDITOR: 200
            GET /api/v1/accounts/school-holidays as STAFF: 200
            GET /api/v1/accounts/school-holidays as SLT: 200
            GET /api/v1/accounts/school-holidays as DSL: 200
            GET /api/v1/accounts/school-holidays as ACCOUNT_ADMIN: 200
            GET /api/v1/accounts/school-holidays as AUDITOR: 200
            PUT /api/v1/accounts/school-holidays as SLT: 200
            PUT /api/v1/accounts/school-holidays as ACCOUNT_ADMIN: 200
            POST /api/v1/privacy/requests as SLT: 201
            GET /api/v1/privacy/requests as SLT: 200
            GET /api/v1/privacy/requests as AUDITOR: 200
            GET /api/v1/privacy/requests/{made-up} as SLT: 404
            GET /api/v1/privacy/requests/{made-up} as AUDITOR: 404
            POST /api/v1/privacy/requests/{made-up}/extension as SLT: 404
            POST /api/v1/privacy/requests/{made-up}/fulfilment as SLT: 404
            POST /api/v1/accounts/{acc}/suspension as SLT: 200
            POST /api/v1/accounts/{acc}/reinstatement as SLT: 200
            POST /api/v1/accounts/{acc}/closure as SLT: 200
            """;

    @Test
    void rolesOfDomainMd_eachAllowedRoleGetsTheAnswerItsCallEarns() {
        List<String> answers = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String role : ROLES) {
                if (endpoint.allowed().contains(role)) {
                    String caller = endpoint.path().startsWith("/api/v1/applications/")
                            && !endpoint.path().matches(".*/(approval|rejection)") ? "applicant" : "s-1";
                    int status = withBody(API.badInput(TestTokens.bearer(caller, TestTokens.SCHOOL, role)), endpoint)
                            .request(endpoint.method(), path(endpoint)).statusCode();
                    answers.add(endpoint.method() + " " + MADE_UP.matcher(endpoint.path()).replaceAll("{made-up}")
                            + " as " + role + ": " + status);
                }
            }
        }
        assertEquals(ANSWERS.strip(), String.join("\n", answers));
    }

    @ParameterizedTest(name = "{0} as {1} is 403")
    @MethodSource("forbidden")
    void rolesOfDomainMd_eachForbiddenRoleGets403(Endpoint endpoint, String role) {
        withBody(API.badInput(TestTokens.bearer("someone", TestTokens.SCHOOL, role)), endpoint)
                .request(endpoint.method(), path(endpoint)).then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @ParameterizedTest(name = "{0} as another school's {1} is 404")
    @MethodSource("otherSchool")
    void tenancy_anotherSchoolsRecordIsNotFound(Endpoint endpoint, String role) {
        withBody(API.badInput(TestTokens.bearer("someone", TestTokens.OTHER_SCHOOL, role)), endpoint)
                .request(endpoint.method(), path(endpoint)).then()
                .statusCode(404).contentType("application/problem+json");
    }

    /** A valid body, so the answer is about the record, not the input. */
    private static Map<String, Object> bodyFor(Endpoint endpoint) {
        String path = endpoint.path();
        if (path.endsWith("/staff/declarations")) {
            return Map.of("relatedTo", "PUPIL", "personName", "Ella Brown", "nature", "FAMILY", "details", "My niece");
        }
        if (path.endsWith("/staff/volunteers")) {
            return Map.of("volunteerId", "vol-77", "forename", "Sam", "surname", "Patel");
        }
        if (path.endsWith("/policy-versions")) {
            return Map.of("summary", "Adds the tagging rule");
        }
        if (path.endsWith("/staff/sync")) {
            return Map.of("records", List.of(Map.of("staffId", "s-1", "forename", "Priya", "surname", "Shah"),
                    Map.of("staffId", "s-2", "forename", "Omar", "surname", "Khan")));
        }
        if (path.equals("/api/v1/applications") || path.endsWith("/revisions")) {
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
