package uk.schoolsocial.account.application.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_SCHOOL_SLT;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_STAFF;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** ACC-1 and ACC-2 through the real HTTP stack, Axon and the database, checked against account.yaml. */
@MicronautTest(transactional = false)
class ApplicationsApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");

    @Inject
    DataSource dataSource;

    /**
     * The administrators the business case names are on the roster (ACC-1); Jane Smith is too, and
     * staff whose surnames are also words or places (ACC-3).
     */
    @BeforeAll
    void rosterTheAdministrators() {
        API.as(MIS).body(Map.of("records", java.util.List.of(
                        Map.of("staffId", "staff-1042", "forename", "Priya", "surname", "Shah"),
                        Map.of("staffId", "staff-1077", "forename", "Omar", "surname", "Khan"),
                        Map.of("staffId", "staff-2001", "forename", "Jane", "surname", "Smith"),
                        Map.of("staffId", "staff-3001", "forename", "Tom", "surname", "Stevenson"),
                        Map.of("staffId", "staff-3002", "forename", "Sam", "surname", "Reed"),
                        Map.of("staffId", "staff-3003", "forename", "Anne", "surname", "Hill"),
                        Map.of("staffId", "staff-3004", "forename", "Emma", "surname", "Green"),
                        Map.of("staffId", "staff-0999", "forename", "Peter", "surname", "Jones",
                                "leavingDate", "2026-07-20"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
    }

    private static Map<String, Object> businessCase() {
        return Map.of("platform", "INSTAGRAM", "proposedName", "Oakfield PE Department", "proposedHandle", "oakfield_pe",
                "aim", "Share fixtures and results", "audience", "Parents of years 3 to 6",
                "promotion", "Newsletter", "administrators", java.util.List.of("staff-1042", "staff-1077"),
                "privacy", "PRIVATE", "privacyReason", "Approved followers only");
    }

    private ValidatableResponse submit(String token, Object body) {
        return API.as(token).body(body).post("/api/v1/applications").then();
    }

    @Test
    void acc1_submittedApplicationIsReadableBack() {
        String location = submit(STAFF, businessCase()).statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("applicantId", equalTo("staff-1"))
                .body("administrators", containsInAnyOrder("staff-1042", "staff-1077"))
                .extract().header("Location");
        API.as(STAFF).get(location).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("proposedName", equalTo("Oakfield PE Department"))
                .body("privacy", equalTo("PRIVATE"));
    }

    @Test
    void acc1_everyMissingFieldIsNamedInOneProblem() {
        API.badInput(STAFF).body(Map.of("platform", "INSTAGRAM", "aim", " ", "administrators", java.util.List.of("staff-1")))
                .post("/api/v1/applications").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("proposedName"))
                .body("errors.field", hasItem("aim"))
                .body("errors.field", hasItem("audience"))
                .body("errors.field", hasItem("promotion"))
                .body("errors.field", hasItem("administrators"))
                .body("errors.field", hasItem("privacy"))
                .body("errors.field", hasItem("privacyReason"));
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        given().port(API.port()).header("Authorization", STAFF).contentType(ContentType.JSON).body("{\"platform\":")
                .post("/api/v1/applications").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aRequestThatDidNotComeThroughTheGatewayIsRejected() {
        given().port(API.port()).contentType(ContentType.JSON).body(businessCase())
                .post("/api/v1/applications").then()
                .statusCode(401).contentType("application/problem+json");
        String forged = "Bearer " + TestTokens.token("another-secret-that-is-long-enough-0123456789", "school-social-gateway",
                "staff-1", TestTokens.SCHOOL, "SLT");
        given().port(API.port()).header("Authorization", forged).get("/api/v1/applications").then().statusCode(401);
    }

    @Test
    void aParentCannotApply() {
        submit(PARENT, businessCase()).statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anotherSchoolSeesNothing() {
        String location = submit(STAFF, businessCase()).statusCode(201).extract().header("Location");
        API.as(OTHER_SCHOOL_SLT).get(location).then().statusCode(404).contentType("application/problem+json");
        String id = location.substring(location.lastIndexOf('/') + 1);
        API.as(OTHER_SCHOOL_SLT).body(Map.of("reason", "x")).post("/api/v1/applications/" + id + "/withdrawal")
                .then().statusCode(404);
    }

    @Test
    void staffSeeOnlyTheirOwnApplicationsButSltSeesAll() {
        String location = submit(STAFF, businessCase()).statusCode(201).extract().header("Location");
        API.as(OTHER_STAFF).get(location).then().statusCode(404);
        API.as(SLT).get(location).then().statusCode(200);
    }

    @Test
    void acc2_withdrawalHonoursIfMatch() {
        String location = submit(STAFF, businessCase()).statusCode(201).extract().header("Location");
        API.as(STAFF).header("If-Match", "\"7\"").body(Map.of("reason", "changed plans")).post(location + "/withdrawal")
                .then().statusCode(412).body("code", equalTo("VERSION_MISMATCH"));
        API.as(OTHER_STAFF).body(Map.of("reason", "not mine")).post(location + "/withdrawal")
                .then().statusCode(403).body("code", equalTo("NOT_THE_APPLICANT"));
        API.as(STAFF).header("If-Match", "\"0\"").body(Map.of("reason", "changed plans")).post(location + "/withdrawal")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("WITHDRAWN")).body("withdrawalReason", equalTo("changed plans"));
        API.as(STAFF).body(Map.of("reason", "again")).post(location + "/withdrawal")
                .then().statusCode(409).body("code", equalTo("ALREADY_CLOSED"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerWithoutANewEvent() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = API.as(STAFF).header("Idempotency-Key", key).body(businessCase()).post("/api/v1/applications")
                .then().statusCode(201).extract().header("Location");
        long events = API.events();
        API.as(STAFF).header("Idempotency-Key", key).body(businessCase()).post("/api/v1/applications")
                .then().statusCode(201).header("Location", first).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.substring(first.lastIndexOf('/') + 1)));
        org.junit.jupiter.api.Assertions.assertEquals(events, API.events());
        Map<String, Object> other = new java.util.HashMap<>(businessCase());
        other.put("aim", "Something else");
        API.as(STAFF).header("Idempotency-Key", key).body(other).post("/api/v1/applications")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aud1_everyStoredEventCarriesTheAuditMetadata() throws Exception {
        API.as(STAFF).header("X-Correlation-Id", "corr-123").body(businessCase()).post("/api/v1/applications")
                .then().statusCode(201);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet row = c.createStatement().executeQuery(
                     "SELECT meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1")) {
            row.next();
            String metadata = new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
            for (String expected : new String[]{"\"actorId\":\"staff-1\"", "\"actorRoles\":\"STAFF\"",
                    "\"schoolId\":\"" + TestTokens.SCHOOL + "\"", "\"correlationId\":\"corr-123\"", "\"causationId\":"}) {
                org.junit.jupiter.api.Assertions.assertTrue(metadata.contains(expected), metadata + " lacks " + expected);
            }
        }
    }

    @Test
    void listIsPagedWithACursor() {
        String token = TestTokens.bearer("pager-" + UUID.randomUUID(), TestTokens.SCHOOL, "STAFF");
        for (int i = 0; i < 3; i++) {
            submit(token, businessCase()).statusCode(201);
        }
        String next = API.as(token).queryParam("limit", 2).get("/api/v1/applications").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("page.nextCursor", notNullValue())
                .extract().path("page.nextCursor");
        API.as(token).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/applications").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("page.nextCursor", nullValue());
        API.badInput(token).queryParam("cursor", "not-a-cursor").get("/api/v1/applications").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private String submitted() {
        return submit(STAFF, businessCase()).statusCode(201).extract().header("Location");
    }

    @Test
    void acc2_sltApprovesWithAReasonButNotTheApplicant() {
        String location = submitted();
        API.as(STAFF).body(Map.of("reason", "mine")).post(location + "/approval").then()
                .statusCode(403).contentType("application/problem+json");
        String applicantSlt = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "SLT", "STAFF");
        API.as(applicantSlt).body(Map.of("reason", "my own")).post(location + "/approval").then()
                .statusCode(403).body("code", equalTo("OWN_APPLICATION"));
        API.badInput(SLT).body(Map.of("reason", " ")).post(location + "/approval").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        API.as(SLT).header("If-Match", "\"0\"").body(Map.of("reason", "Clear aim")).post(location + "/approval").then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("slt-1"))
                .body("decisionReason", equalTo("Clear aim")).body("decidedAt", notNullValue());
        API.as(SLT).body(Map.of("reason", "again")).post(location + "/rejection").then()
                .statusCode(409).body("code", equalTo("ALREADY_CLOSED"));
        API.as(STAFF).body(Map.of("reason", "too late")).post(location + "/withdrawal").then()
                .statusCode(409).body("code", equalTo("ALREADY_CLOSED"));
        API.as(SLT).header("If-Match", "\"0\"").body(Map.of("reason", "stale")).post(location + "/rejection").then()
                .statusCode(412).body("code", equalTo("VERSION_MISMATCH"));
    }

    @Test
    void acc2_aRejectedApplicationIsResubmittedAsANewRevisionWithHistoryKept() {
        String location = submitted();
        API.as(SLT).body(Map.of("reason", "Name the department")).post(location + "/rejection").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("decisionReason", equalTo("Name the department"));
        Map<String, Object> revised = new java.util.HashMap<>(businessCase());
        revised.put("proposedName", "Oakfield Sport");
        API.as(OTHER_STAFF).body(revised).post(location + "/revisions").then()
                .statusCode(403).body("code", equalTo("NOT_THE_APPLICANT"));
        API.as(STAFF).body(revised).post(location + "/revisions").then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("SUBMITTED")).body("revision", equalTo(2))
                .body("proposedName", equalTo("Oakfield Sport")).body("decidedBy", nullValue());
        API.as(STAFF).body(revised).post(location + "/revisions").then()
                .statusCode(409).body("code", equalTo("NOT_REJECTED"));
        API.as(SLT).body(Map.of("reason", "Fine now")).post(location + "/approval").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("revision", equalTo(2));
        API.as(STAFF).get(location + "/revisions").then().statusCode(200)
                .body("items.revision", org.hamcrest.Matchers.contains(1, 2))
                .body("items[0].status", equalTo("REJECTED"))
                .body("items[0].proposedName", equalTo("Oakfield PE Department"))
                .body("items[0].closingReason", equalTo("Name the department"))
                .body("items[0].closedBy", equalTo("slt-1"))
                .body("items[1].status", equalTo("APPROVED"))
                .body("items[1].closingReason", equalTo("Fine now"));
        API.as(OTHER_SCHOOL_SLT).get(location + "/revisions").then().statusCode(404);
    }

    @Test
    void acc2_anotherSchoolsSltCannotDecide() {
        String location = submitted();
        API.as(OTHER_SCHOOL_SLT).body(Map.of("reason", "x")).post(location + "/approval").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void acc1_administratorsMustBeCurrentStaffOrRegisteredVolunteers() {
        Map<String, Object> body = new java.util.HashMap<>(businessCase());
        body.put("administrators", java.util.List.of("staff-1042", "staff-0999", "vol-77"));
        submit(STAFF, body).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("ROSTER_RULE_BROKEN"))
                .body("errors.message", containsInAnyOrder(
                        "staff-0999 is not a current member of staff or a registered volunteer",
                        "vol-77 is not a current member of staff or a registered volunteer"));
        API.as(SLT).body(Map.of("volunteerId", "vol-77", "forename", "Sam", "surname", "Patel"))
                .post("/api/v1/staff/volunteers").then().statusCode(201);
        body.put("administrators", java.util.List.of("staff-1042", "vol-77"));
        submit(STAFF, body).statusCode(201).body("administrators", containsInAnyOrder("staff-1042", "vol-77"));
    }

    @Test
    void acc3_aNameContainingAStaffMembersNameIsRefusedNamingTheClash() {
        Map<String, Object> body = new java.util.HashMap<>(businessCase());
        body.put("proposedName", "Mrs JANE-smith's Year 4");
        body.put("proposedHandle", "jane.smith4");
        submit(STAFF, body).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("ROSTER_RULE_BROKEN"))
                .body("errors.field", containsInAnyOrder("proposedName", "proposedHandle"))
                .body("errors[0].message", equalTo("contains the name of a member of staff: Jane Smith"));
        body.put("proposedName", "Oakfield Year 4");
        body.put("proposedHandle", "year4_oakfield");
        submit(STAFF, body).statusCode(201);
    }

    private static Map<String, Object> named(String name, String handle, Map<?, ?>... acceptances) {
        Map<String, Object> body = new java.util.HashMap<>(businessCase());
        body.put("proposedName", name);
        body.put("proposedHandle", handle);
        if (acceptances.length > 0) {
            body.put("nameClashAcceptances", java.util.List.of(acceptances));
        }
        return body;
    }

    @Test
    void acc3_aSurnameInTheHandleIsRefusedNamingTheField() {
        submit(STAFF, named("Oakfield PE Department", "StevensonPE")).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("ROSTER_RULE_BROKEN"))
                .body("detail", equalTo("The application breaks roster rules: "
                        + "[proposedHandle contains the surname of a member of staff]"))
                .body("errors.field", contains("proposedHandle"))
                .body("errors[0].message", equalTo("contains the surname of a member of staff: Stevenson"));
    }

    @Test
    void aRefusalLogsNoStackTraceAndNoStaffName() {
        // Issue 14: a routine 4xx is not an error of ours; Axon logged this one at WARN with 60 lines of trace.
        try (LogCapture logs = LogCapture.start()) {
            submit(STAFF, named("Mr Stevenson's PE", "oakfield_pe")).statusCode(422)
                    .body("code", equalTo("ROSTER_RULE_BROKEN"));
            assertEquals(List.of(), logs.withStackTraces());
            assertEquals(List.of(), logs.containing(List.of("Stevenson")));
        }
    }

    @Test
    void acc3_aSurnameAloneInTheDisplayNameIsRefused() {
        submit(STAFF, named("Reed Club", "oakfield_books")).statusCode(422)
                .body("code", equalTo("ROSTER_RULE_BROKEN"))
                .body("errors.field", contains("proposedName"))
                .body("errors[0].message", equalTo("contains the surname of a member of staff: Reed"));
        submit(STAFF, named("Mr Stevenson's PE", "oakfield_pe")).statusCode(422)
                .body("errors[0].message", equalTo("contains the surname of a member of staff: Stevenson"));
    }

    @Test
    void acc3_aNameWithNoStaffNameInItIsAccepted() {
        submit(STAFF, named("Chill Club", "oakfield_relax")).statusCode(201)
                .body("proposedName", equalTo("Chill Club"))
                .body("nameClashAcceptances", nullValue());
    }

    @Test
    void acc3_sltAcceptsASurnameClashWithAReasonAndItIsRecordedAndShown() throws Exception {
        long before = API.events();
        String location = submit(SLT, named("Hill Top Club", "hilltop_club",
                        Map.of("word", "Hill", "reason", "The school stands on Hill Top Road")))
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("nameClashAcceptances.word", contains("Hill"))
                .body("nameClashAcceptances[0].reason", equalTo("The school stands on Hill Top Road"))
                .body("nameClashAcceptances[0].acceptedBy", equalTo("slt-1"))
                .body("nameClashAcceptances[0].revision", equalTo(1))
                .body("nameClashAcceptances[0].acceptedAt", notNullValue())
                .extract().header("Location");
        org.junit.jupiter.api.Assertions.assertEquals(before + 2, API.events(), "submitted and NameClashAcceptedEvent");
        API.as(SLT).get(location).then().statusCode(200).header("ETag", "\"1\"")
                .body("nameClashAcceptances.word", contains("Hill"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        API.as(SLT).get("/api/v1/applications").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.nameClashAcceptances.word", contains("Hill"));
        String otherSlt = TestTokens.bearer("slt-2", TestTokens.SCHOOL, "SLT");
        API.as(otherSlt).header("If-Match", "\"1\"").body(Map.of("reason", "A place, not a person"))
                .post(location + "/approval").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("APPROVED"))
                .body("nameClashAcceptances.word", contains("Hill"));
    }

    @Test
    void acc3_aNonSltCannotAcceptAClash() throws Exception {
        long before = API.events();
        submit(STAFF, named("Hill Top Club", "hilltop_club", Map.of("word", "Hill", "reason", "A place")))
                .statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("NAME_CLASH_ACCEPTANCE_NOT_ALLOWED"));
        org.junit.jupiter.api.Assertions.assertEquals(before, API.events());
    }

    @Test
    void acc3_anAcceptanceWithABlankOrOverLongReasonIsABadRequest() {
        API.badInput(SLT).body(named("Hill Top Club", "hilltop_club", Map.of("word", "Hill", "reason", "  ")))
                .post("/api/v1/applications").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        API.badInput(SLT).body(named("Hill Top Club", "hilltop_club", Map.of("word", "Hill", "reason", "x".repeat(2001))))
                .post("/api/v1/applications").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        API.badInput(SLT).body(named("Hill Top Club", "hilltop_club", Map.of("reason", "A place")))
                .post("/api/v1/applications").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void acc3_acceptingAWordThatIsNotTheClashLetsNoClashThrough() {
        submit(SLT, named("Hill Top Club", "oakfield_top", Map.of("word", "Green", "reason", "A colour")))
                .statusCode(422)
                .body("code", equalTo("ROSTER_RULE_BROKEN"))
                .body("errors.field", contains("nameClashAcceptances[0].word", "proposedName"))
                .body("errors[1].message", equalTo("contains the surname of a member of staff: Hill"));
        submit(SLT, named("Hill and Green Gardeners", "oakfield_gardens", Map.of("word", "Green", "reason", "A colour")))
                .statusCode(422)
                .body("errors.field", contains("proposedName"))
                .body("errors[0].message", equalTo("contains the surname of a member of staff: Hill"));
    }
}
