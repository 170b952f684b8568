package uk.schoolsocial.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.ContractOperations;
import uk.schoolsocial.platform.testing.ContractOperations.Operation;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 11, account-service: an id the caller may not see, whether another school's record, a
 * record of another kind (an application's id where an account's belongs), or no record at all,
 * gets one answer on every operation that names one, so that ids cannot be probed; and nothing is
 * stored. Through HTTP, answers checked against account.yaml.
 */
@MicronautTest(transactional = false)
class RecordsYouMayNotSeeApiTest implements CredentialsKeyDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    private static final String SCHOOL = "unseen-school";
    private static final String ANYONE = TestTokens.bearer("any-1", SCHOOL, StrictInput.EVERY_ROLE);
    private static final String OTHER_SCHOOL = TestTokens.bearer("any-9", "unseen-other-school", StrictInput.EVERY_ROLE);
    private static final String MIS = TestTokens.bearer("mis-1", SCHOOL, "INTEGRATION");
    private static final String STAFF = TestTokens.bearer("applicant-1", SCHOOL, "STAFF");
    private static final String SLT = TestTokens.bearer("head-1", SCHOOL, "SLT");
    private static final String ADMIN = TestTokens.bearer("admin-1", SCHOOL, "ACCOUNT_ADMIN");

    private void roster() {
        API.as(MIS).body(Map.of("records", List.of(Map.of("staffId", "a-1", "forename", "Priya", "surname", "Shah"),
                Map.of("staffId", "a-2", "forename", "Omar", "surname", "Khan"),
                Map.of("staffId", "a-3", "forename", "Jane", "surname", "Smith")))).post("/api/v1/staff/sync")
                .then().statusCode(200);
    }

    private static Map<String, Object> application() {
        Map<String, Object> body = new HashMap<>();
        body.put("platform", "INSTAGRAM");
        body.put("proposedName", "Oakfield PE");
        body.put("aim", "Fixtures");
        body.put("audience", "Parents");
        body.put("promotion", "Newsletter");
        body.put("administrators", List.of("a-1", "a-2"));
        body.put("privacy", "PRIVATE");
        body.put("privacyReason", "Followers approved");
        return body;
    }

    /**
     * Issue 11: an application's id where an account's belongs answered 500 (Axon's
     * IncompatibleAggregateException), and 500 for another school against 404 for an unknown id, which
     * told the prober that the id exists. Now every such id gets the answer an unknown id gets.
     */
    @Test
    void issue11_anIdOfAnotherKindOrSchoolGetsTheAnswerOfAnUnknownId() throws Exception {
        roster();
        String applicationId = API.as(STAFF).body(application()).post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
        API.as(SLT).body(Map.of("reason", "Clear aim")).post("/api/v1/applications/" + applicationId + "/approval")
                .then().statusCode(200);
        String provisioning = "{\"applicationId\":\"" + applicationId + "\",\"handle\":\"oakfield_pe\","
                + "\"displayName\":\"Oakfield PE\",\"whoMayPost\":[\"a-1\"],\"followersApproved\":true,"
                + "\"taggingOff\":true,\"aupLink\":\"https://oakfield.sch.uk/aup\"}";
        String accountId = API.as(ADMIN).body(provisioning).post("/api/v1/accounts").then().statusCode(201)
                .extract().path("id");
        String declarationId = API.as(STAFF).body(Map.of("relatedTo", "PUPIL", "personName", "Sam Lee", "nature", "FAMILY"))
                .post("/api/v1/staff/declarations").then().statusCode(201).extract().path("id");
        String requestId = API.as(SLT).body(Map.of("subjectType", "STAFF", "subjectId", "a-1", "receivedOn",
                        java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString()))
                .post("/api/v1/privacy/requests").then().statusCode(201).extract().path("id");
        long before = API.events();

        // another kind of record: each id where one of another aggregate belongs
        Map<String, String> foreign = Map.of("accountId", applicationId, "applicationId", accountId,
                "declarationId", accountId, "messageId", applicationId, "handoverId", declarationId,
                "requestId", accountId);
        // another school: the right kind of record, but not the caller's school
        Map<String, String> others = Map.of("accountId", accountId, "applicationId", applicationId,
                "declarationId", declarationId, "messageId", applicationId, "handoverId", declarationId,
                "requestId", requestId);
        int compared = 0;
        for (Operation operation : ContractOperations.of("account", "account")) {
            if (!operation.template().matches(".*\\{(accountId|applicationId|declarationId|messageId|handoverId|requestId)}.*")) {
                continue;
            }
            String body = validBody(operation.operationId());
            Response unknown = send(ANYONE, operation, body, operation.path());
            assertTrue(unknown.statusCode() == 404, operation + " with an unknown id: " + unknown.asString());
            StrictInput.sameAnswer(unknown, send(ANYONE, operation, body, path(operation, foreign)),
                    operation + " with an id of another kind of record");
            StrictInput.sameAnswer(send(OTHER_SCHOOL, operation, body, operation.path()),
                    send(OTHER_SCHOOL, operation, body, path(operation, others)),
                    operation + " with another school's id");
            compared++;
        }
        assertTrue(compared >= 20, "operations with an id: " + compared);
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    private Response send(String token, Operation operation, String body, String path) {
        RequestSpecification request = API.badInput(token);
        if (body != null) {
            request.body(body);
        }
        return request.request(operation.method(), path);
    }

    /** The operation's path with the given ids in place of its parameters. */
    private static String path(Operation operation, Map<String, String> ids) {
        Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(operation.template());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, ids.getOrDefault(parameter.group(1), UUID.randomUUID().toString()));
        }
        return parameter.appendTail(path).toString();
    }

    /** A body each operation accepts, so that the id alone decides the answer. */
    private static String validBody(String operationId) {
        return switch (operationId) {
            case "withdrawApplication", "approveApplication", "rejectApplication", "approveDeclaration",
                 "refuseDeclaration", "suspendAccount", "reinstateAccount", "closeAccount", "revealCredentials" ->
                    "{\"reason\":\"Checked\"}";
            case "resubmitApplication" -> new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(application())
                    .toString();
            case "transferHandover" -> "{\"newAdministratorId\":\"a-3\",\"credentials\":{\"login\":\"pe\","
                    + "\"secret\":\"s3cret\"}}";
            case "storeCredentials" -> "{\"login\":\"pe\",\"secret\":\"s3cret\"}";
            case "acknowledgePolicy" -> "{\"policyVersion\":1}";
            case "recordTraining" -> "{\"administratorId\":\"a-1\"}";
            case "reviewAccount" -> "{\"notes\":\"Still needed\"}";
            case "logMessage" -> "{\"type\":\"QUERY\",\"channel\":\"OTHER\",\"summary\":\"When is sports day?\","
                    + "\"receivedAt\":\"" + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    + "\"}";
            case "answerMessage" -> "{\"answer\":\"On Friday\"}";
            case "extendSubjectAccessRequest" -> "{\"reason\":\"Complex\",\"months\":1}";
            case "fulfilSubjectAccessRequest" -> "{\"fulfilledOn\":\""
                    + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")) + "\"}";
            default -> null;
        };
    }
}
