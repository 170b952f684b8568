package uk.schoolsocial.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.ContractOperations;
import uk.schoolsocial.platform.testing.ContractOperations.Operation;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 11, account-service: bad input is refused clearly (400 naming the field, enumerations with
 * their values), never stored (no event appended), never a 5xx. Through HTTP, answers checked
 * against account.yaml (audit.yaml for the audit API).
 */
@MicronautTest(transactional = false)
class StrictInputApiTest implements CredentialsKeyDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    @RegisterExtension
    static final ServiceApi AUDIT_API = new ServiceApi("audit");
    private static final String SCHOOL = "strict-school";
    private static final String ANYONE = TestTokens.bearer("any-1", SCHOOL, StrictInput.EVERY_ROLE);
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

    /** Issue 11: {@code false}, a number or {@code [1, 2]} as a body answered 500 on almost every operation. */
    @Test
    void issue11_aBodyThatIsNoJsonObjectIsRefusedByEveryOperation() throws Exception {
        long before = API.events();
        List<Operation> operations = new java.util.ArrayList<>(ContractOperations.withBody("account", "account"));
        operations.addAll(ContractOperations.withBody("audit", "account"));
        assertTrue(operations.size() > 20, "the contract's operations with a body: " + operations);
        for (Operation operation : operations) {
            ServiceApi contract = operation.document().equals("audit") ? AUDIT_API : API;
            for (String body : StrictInput.NOT_AN_OBJECT) {
                Response answer = contract.badInput(ANYONE).body(body)
                        .request(operation.method(), operation.path());
                assertEquals(400, answer.statusCode(), operation + " with " + body + ": " + answer.asString());
                StrictInput.refused(answer, "").body("code", equalTo("VALIDATION_FAILED"))
                        .body("errors[0].message", equalTo("must be a JSON object"));
            }
        }
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    /** Issue 11: {@code kind=abc} and {@code kind=} answered 500, {@code current=maybe} was read as false. */
    @Test
    void issue11_queryParametersAreReadStrictly() {
        StrictInput.refused(API.badInput(SLT).queryParam("kind", "abc").get("/api/v1/staff"), "kind")
                .body("errors[0].message", equalTo("must be one of STAFF, VOLUNTEER"));
        StrictInput.refused(API.badInput(SLT).queryParam("kind", "").get("/api/v1/staff"), "kind")
                .body("errors[0].message", equalTo("must be one of STAFF, VOLUNTEER"));
        StrictInput.refused(API.badInput(SLT).queryParam("current", "maybe").get("/api/v1/staff"), "current")
                .body("errors[0].message", equalTo("must be true or false"));
        StrictInput.refused(API.badInput(SLT).queryParam("limit", "abc").get("/api/v1/staff"), "limit")
                .body("errors[0].message", containsString("must be an integer"));
        StrictInput.refused(API.badInput(SLT).queryParam("limit", 1, 2).get("/api/v1/staff"), "limit")
                .body("errors[0].message", equalTo("must be given once"));
        StrictInput.refused(API.badInput(SLT).queryParam("status", "NOPE").get("/api/v1/applications"), "status")
                .body("errors[0].message", equalTo("must be one of SUBMITTED, WITHDRAWN, APPROVED, REJECTED"));
        StrictInput.refused(API.badInput(SLT).queryParam("reviewDueBy", "2026-99-01").get("/api/v1/accounts"), "reviewDueBy");
        StrictInput.refused(API.badInput(SLT).get("/api/v1/accounts/not-a-uuid"), "accountId")
                .body("errors[0].message", equalTo("must be a UUID"));
        StrictInput.refused(API.badInput(SLT).urlEncodingEnabled(false).get("/api/v1/staff/a%00b"), "staffId");
        API.badInput(SLT).queryParam("current", "true").queryParam("kind", "STAFF").get("/api/v1/staff").then().statusCode(200);
    }

    /** Issue 11: {@code {"holidays":[null]}} answered 500 (ACC-8's school holidays). */
    @Test
    void issue11_acc8_aNullHolidayIsRefusedNamingIt() throws Exception {
        long before = API.events();
        StrictInput.refused(API.badInput(SLT).body("{\"holidays\":[null]}").put("/api/v1/accounts/school-holidays"),
                "holidays[0]").body("errors[0].message", equalTo("must not be null"));
        StrictInput.refused(API.badInput(SLT).body("{\"holidays\":[{\"firstDay\":\"2026-12-21\",\"lastDay\":\"2027-01-01\","
                + "\"name\":\"Christmas\"},null]}").put("/api/v1/accounts/school-holidays"), "holidays[1]");
        assertEquals(before, API.events());
    }

    /**
     * Issue 11: lenient reading took {@code [{...}]} for {@code {...}}, {@code ["INSTAGRAM"]} for
     * {@code "INSTAGRAM"}, {@code "a-1"} for {@code ["a-1"]}, {@code "true"} for {@code true}, and
     * dropped unknown fields. ACC-1's application and ACC-4's provisioning are refused instead.
     */
    @Test
    void issue11_acc1_noCoercionBetweenJsonTypes() throws Exception {
        roster();
        long before = API.events();
        String valid = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(application()).toString();
        StrictInput.refused(API.badInput(STAFF).body("[" + valid + "]").post("/api/v1/applications"), "")
                .body("errors[0].message", equalTo("must be a JSON object"));
        Map<String, Object> wrapped = application();
        wrapped.put("platform", List.of("INSTAGRAM"));
        StrictInput.refused(API.badInput(STAFF).body(wrapped).post("/api/v1/applications"), "platform")
                .body("errors[0].message", equalTo("must be one of FACEBOOK, X, INSTAGRAM, YOUTUBE, LINKEDIN, BLOG, OTHER"));
        Map<String, Object> single = application();
        single.put("administrators", "a-1");
        StrictInput.refused(API.badInput(STAFF).body(single).post("/api/v1/applications"), "administrators")
                .body("errors[0].message", equalTo("must be an array"));
        Map<String, Object> numbers = application();
        numbers.put("administrators", List.of(1, 2));
        StrictInput.refused(API.badInput(STAFF).body(numbers).post("/api/v1/applications"), "administrators[0]")
                .body("errors[0].message", equalTo("must be a string"));
        Map<String, Object> aimAsNumber = application();
        aimAsNumber.put("aim", 42);
        StrictInput.refused(API.badInput(STAFF).body(aimAsNumber).post("/api/v1/applications"), "aim");
        Map<String, Object> unknown = application();
        unknown.put("nickname", "PE");
        StrictInput.refused(API.badInput(STAFF).body(unknown).post("/api/v1/applications"), "nickname")
                .body("errors[0].message", containsString("is not a field of this request"));
        StrictInput.refused(API.badInput(STAFF).body(valid.replace("{", "{\"aim\":\"Twice\",")).post("/api/v1/applications"),
                "aim").body("errors[0].message", equalTo("is given more than once"));
        StrictInput.refused(API.badInput(STAFF).body(valid + " {}").post("/api/v1/applications"), "");
        StrictInput.refused(API.badInput(STAFF).body("{\"platform\":").post("/api/v1/applications"), "")
                .body("code", equalTo("MALFORMED_REQUEST"));
        Map<String, Object> unknownPlatform = application();
        unknownPlatform.put("platform", "MYSPACE");
        StrictInput.refused(API.badInput(STAFF).body(unknownPlatform).post("/api/v1/applications"), "platform")
                .body("errors[0].message", equalTo("must be one of FACEBOOK, X, INSTAGRAM, YOUTUBE, LINKEDIN, BLOG, OTHER"));

        StrictInput.refused(API.badInput(STAFF).body(Map.of("policyVersion", "1")).post("/api/v1/staff/applicant-1/acknowledgements"),
                "policyVersion").body("errors[0].message", containsString("must be an integer"));
        StrictInput.refused(API.badInput(STAFF).body("{\"policyVersion\":1.5}").post("/api/v1/staff/applicant-1/acknowledgements"),
                "policyVersion");
        StrictInput.refused(API.badInput(STAFF).body("{\"policyVersion\":99999999999}")
                .post("/api/v1/staff/applicant-1/acknowledgements"), "policyVersion");
        StrictInput.refused(API.badInput(ADMIN).body("{\"applicationId\":\"" + UUID.randomUUID() + "\",\"handle\":\"pe\","
                + "\"displayName\":\"PE\",\"whoMayPost\":[\"a-1\"],\"followersApproved\":\"true\",\"taggingOff\":true,"
                + "\"aupLink\":\"https://oakfield.sch.uk/aup\"}").post("/api/v1/accounts"), "followersApproved")
                .body("errors[0].message", equalTo("must be true or false"));
        API.badInput(STAFF).contentType("text/plain").body(valid).post("/api/v1/applications").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("errors[0].field", equalTo("Content-Type"));
        io.restassured.RestAssured.given().port(API.port()).header("Authorization", STAFF).body(valid.getBytes())
                .post("/api/v1/applications").then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE")).body("errors[0].field", equalTo("Content-Type"));
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    /**
     * Issue 11: NUL and lone surrogates were stored (the event kept {@code \ud800}, the read model showed
     * {@code ?}). Text with a control character other than tab and line breaks, or half a surrogate
     * pair, is refused naming the field; a whole pair (an emoji) is text like any other.
     */
    @Test
    void issue11_acc1_textWithControlCharactersOrLoneSurrogatesIsRefused() throws Exception {
        roster();
        long before = API.events();
        String valid = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(application()).toString();
        for (String bad : List.of("\\u0000", "\\ud800", "\\udfff", "\\u0007", "\\u001b", "\\u007f", "\\u0085")) {
            StrictInput.refused(API.badInput(STAFF).body(valid.replace("\"aim\":\"Fixtures\"", "\"aim\":\"Fix" + bad + "tures\""))
                    .post("/api/v1/applications"), "aim");
            StrictInput.refused(API.badInput(MIS).body("{\"records\":[{\"staffId\":\"z-1\",\"forename\":\"Zo" + bad
                    + "e\",\"surname\":\"Brown\"}]}").post("/api/v1/staff/sync"), "records[0].forename");
        }
        assertEquals(before, API.events(), "nothing refused is stored");
        API.as(STAFF).body(valid.replace("\"aim\":\"Fixtures\"", "\"aim\":\"Fixtures \\ud83c\\udfc6\\tand\\nresults\""))
                .post("/api/v1/applications").then().statusCode(201).body("aim", equalTo("Fixtures \uD83C\uDFC6\tand\nresults"));
    }

    /** Issue 11: a number where a date belongs was read as days since 1970; years are four digits from 1900. */
    @Test
    void issue11_acc7_acc8_datesAreStringsWithFourDigitYears() throws Exception {
        long before = API.events();
        for (String day : List.of("20261219", "\"+12026-12-19\"", "\"1899-12-31\"", "\"2026-02-30\"", "\"19-12-2026\"",
                "\"2026-12-19T00:00:00Z\"", "\"\"")) {
            StrictInput.refused(API.badInput(MIS).body("{\"records\":[{\"staffId\":\"d-1\",\"forename\":\"Dee\",\"surname\":"
                    + "\"Day\",\"leavingDate\":" + day + "}]}").post("/api/v1/staff/sync"), "records[0].leavingDate")
                    .body("errors[0].message", equalTo("must be a date (YYYY-MM-DD) from 1900-01-01 to 9999-12-31"));
            StrictInput.refused(API.badInput(SLT).body("{\"holidays\":[{\"firstDay\":" + day + ",\"lastDay\":\"2027-01-01\","
                    + "\"name\":\"Christmas\"}]}").put("/api/v1/accounts/school-holidays"), "holidays[0].firstDay");
        }
        String account = UUID.randomUUID().toString();
        for (String at : List.of("1700000000", "\"2026-11-20T10:00:00\"", "\"2026-11-20\"", "\"1899-12-31T23:59:59Z\"",
                "\"+12026-11-20T10:00:00Z\"")) {
            StrictInput.refused(API.badInput(STAFF).body("{\"type\":\"QUERY\",\"channel\":\"OTHER\",\"summary\":\"s\","
                    + "\"receivedAt\":" + at + "}").post("/api/v1/accounts/" + account + "/messages"), "receivedAt")
                    .body("errors[0].message", containsString("RFC 3339"));
        }
        assertEquals(before, API.events(), "nothing refused is stored");
    }
}
