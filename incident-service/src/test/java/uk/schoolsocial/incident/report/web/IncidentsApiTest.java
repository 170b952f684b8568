package uk.schoolsocial.incident.report.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.AUDITOR;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_SCHOOL_SLT;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_STAFF;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ProcessorCoverage;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** INC-1, INC-2 and INC-7 through the real HTTP stack, Axon and the database, checked against incident.yaml. */
@MicronautTest(transactional = false)
class IncidentsApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");

    @Inject
    DataSource dataSource;

    @SafeVarargs
    private static Map<String, Object> report(String category, String narrative, Map<String, Object>... people) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("whatHappened", narrative);
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("platform", "Instagram");
        body.put("location", "https://instagram.com/p/abc123");
        body.put("officialAccountInvolved", false);
        body.put("peopleInvolved", List.of(people));
        return body;
    }

    private static Map<String, Object> pupil() {
        return Map.of("role", "PUPIL", "rosterId", "pupil-2231");
    }

    private static Map<String, Object> staffMember() {
        return Map.of("role", "STAFF", "rosterId", "staff-1042", "description", "Received the request");
    }

    private ValidatableResponse send(String token, Map<String, Object> body) {
        return API.as(token).body(body).post("/api/v1/incidents").then();
    }

    private String reportAs(String token, Map<String, Object> body) {
        return send(token, body).statusCode(201).extract().header("Location");
    }

    @Test
    void inc1_inc2_aReportIsRoutedAndTheDslReadsTheCaseFileBack() {
        String location = send(STAFF, report("PUPIL_CONTACT_WITH_STAFF", "A friend request from a pupil",
                pupil(), staffMember())).statusCode(201)
                .header("ETag", "\"1\"")
                .body("view", equalTo("STATUS_ONLY"))
                .body("status", equalTo("REPORTED"))
                .extract().header("Location");
        API.as(DSL).get(location).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("view", equalTo("CASE_FILE"))
                .body("id", equalTo(location.substring(location.lastIndexOf('/') + 1)))
                .body("reporterId", equalTo("staff-1"))
                .body("category", equalTo("PUPIL_CONTACT_WITH_STAFF"))
                .body("whatHappened", equalTo("A friend request from a pupil"))
                .body("platform", equalTo("Instagram"))
                .body("officialAccountInvolved", equalTo(false))
                .body("peopleInvolved.role", contains("PUPIL", "STAFF"))
                .body("peopleInvolved[1].description", equalTo("Received the request"))
                .body("assignedRole", equalTo("DSL"))
                .body("routingReason", equalTo("PUPIL_CONTACT_WITH_STAFF"));
    }

    @Test
    void inc2_aReportAboutStaffIsRoutedToTheHeadteacher() {
        String location = reportAs(PARENT, report("ABUSIVE_POST_ABOUT_STAFF", "A post insults a teacher", staffMember()));
        API.as(SLT).get(location).then().statusCode(200)
                .body("assignedRole", equalTo("SLT")).body("routingReason", equalTo("ABOUT_STAFF"));
    }

    @Test
    void inc1_aHundredKibNarrativeRoundTripsByteForByte() {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"  Leading spaces, ", "accents éàü, ", "emoji \uD83D\uDE00, ", "tabs\tand\r\nCRLF, ",
                "quotes \"'\\ and <b>markup</b>\n", "日本語のテキスト "};
        for (int i = 0; text.length() < 102_390; i++) {
            text.append(pieces[i % pieces.length]);
        }
        text.setLength(102_398);
        text.append("x\n");
        String narrative = text.toString();
        String location = send(DSL, report("OTHER", narrative, pupil())).statusCode(201)
                .body("view", equalTo("CASE_FILE")).extract().header("Location");
        String readBack = API.as(SLT).get(location).then().statusCode(200).extract().path("whatHappened");
        assertEquals(102_400, narrative.length());
        assertArrayEquals(narrative.getBytes(StandardCharsets.UTF_8), readBack.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void inc1_everyBadFieldIsNamedInOneProblem() {
        Map<String, Object> body = new HashMap<>();
        body.put("whatHappened", " \n ");
        body.put("platform", "");
        body.put("peopleInvolved", List.of(Map.of("rosterId", "pupil-1")));
        API.badInput(STAFF).body(body).post("/api/v1/incidents").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("category", "whatHappened", "occurredAt", "platform", "location",
                        "officialAccountInvolved"))
                // the person's missing role is named as the domain names it
                .body("errors.field", hasItem("peopleInvolved[0].role"))
                // an empty platform breaks two constraints but is one entry
                .body("errors.findAll { it.field == 'platform' }.size()", equalTo(1));
    }

    @Test
    void inc1_aNarrativeOverTheLimitIsRefused() {
        API.badInput(STAFF).body(report("OTHER", "x".repeat(102_401), pupil())).post("/api/v1/incidents").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("whatHappened"));
    }

    /**
     * INC-1: the limits count characters, as incident.yaml says, not UTF-16 units: 102,400 emoji
     * (204,800 units, 409,600 bytes of UTF-8) are a narrative at the limit, and a platform of 100
     * emoji fits its 100 characters (and its column); one character more is refused.
     */
    @Test
    void inc1_theLimitsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        Map<String, Object> body = report("OTHER", emoji.repeat(102_400), pupil());
        body.put("platform", emoji.repeat(100));
        String location = send(DSL, body).statusCode(201).extract().header("Location");
        var read = API.as(SLT).get(location).then().statusCode(200).extract();
        assertEquals(emoji.repeat(102_400), read.path("whatHappened"));
        assertEquals(emoji.repeat(100), read.path("platform"));

        body.put("whatHappened", emoji.repeat(102_401));
        body.put("platform", emoji.repeat(101));
        API.badInput(STAFF).body(body).post("/api/v1/incidents").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("whatHappened", "platform"));
    }

    @Test
    void inc1_anIncidentInTheFutureIsRefusedByTheAggregate() {
        Map<String, Object> body = report("OTHER", "Not yet", pupil());
        body.put("occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        send(STAFF, body).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INCOMPLETE_REPORT"))
                .body("errors.field", contains("occurredAt"));
    }

    /**
     * Issue 11: the read model stores every date the aggregate accepts. TIMESTAMP ends before 1970, so
     * this event was stored, then refused by incident_view, and the projection skipped it.
     */
    @Test
    void inc1_anIncidentBefore1970IsStoredAndReadBack() {
        Map<String, Object> body = report("OTHER", "A photograph of the moon landing was posted", pupil());
        body.put("occurredAt", "1969-07-20T20:17:00Z");
        String location = send(DSL, body).statusCode(201)
                .body("occurredAt", equalTo("1969-07-20T20:17:00Z"))
                .extract().header("Location");
        API.as(SLT).get(location).then().statusCode(200).header("ETag", "\"1\"")
                .body("occurredAt", equalTo("1969-07-20T20:17:00Z"));
    }

    @Inject
    org.axonframework.config.Configuration axon;

    @Test
    void issue11_everyProcessorParksWhatItCannotHandle() {
        // incident-account-leavers reads account-service's events.
        ProcessorCoverage.everyStreamingProcessorParks(axon, "incident-reports", "incident-account-leavers",
                "incident-takedowns");
    }

    @Test
    void inc1_anUnknownCategoryIsAProblemNotA500() {
        API.badInput(STAFF).body(report("GOSSIP", "Something", pupil())).post("/api/v1/incidents").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aRequestThatDidNotComeThroughTheGatewayIsRejected() {
        given().port(API.port()).contentType(ContentType.JSON).body(report("OTHER", "x", pupil()))
                .post("/api/v1/incidents").then()
                .statusCode(401).contentType("application/problem+json");
        String forged = "Bearer " + TestTokens.token("another-secret-that-is-long-enough-0123456789",
                "school-social-gateway", "dsl-1", TestTokens.SCHOOL, "DSL");
        given().port(API.port()).header("Authorization", forged).get("/api/v1/incidents").then().statusCode(401);
    }

    @Test
    void inc1_anAuditorOrTheMisCannotReport() {
        send(AUDITOR, report("OTHER", "x", pupil())).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        send(MIS, report("OTHER", "x", pupil())).statusCode(403);
    }

    @Test
    void inc7_theReporterSeesOnlyTheStatusOfTheirOwnReport() {
        String location = reportAs(STAFF, report("BULLYING_OR_HARASSMENT", "Pupils mocking a pupil", pupil()));
        API.as(STAFF).get(location).then().statusCode(200)
                .body("view", equalTo("STATUS_ONLY"))
                .body("status", equalTo("REPORTED"))
                .body("statusChangedAt", notNullValue())
                .body("whatHappened", nullValue())
                .body("peopleInvolved", nullValue())
                .body("assignedRole", nullValue())
                .body("reporterId", nullValue());
    }

    @Test
    void inc7_nobodyElseOutsideDslAndSltSeesTheIncident() {
        String location = reportAs(STAFF, report("BULLYING_OR_HARASSMENT", "Pupils mocking a pupil", pupil()));
        API.as(OTHER_STAFF).get(location).then().statusCode(404).contentType("application/problem+json");
        API.as(PARENT).get(location).then().statusCode(404);
        API.as(AUDITOR).get(location).then().statusCode(403);
        API.as(MIS).get("/api/v1/incidents").then().statusCode(403);
    }

    @Test
    void inc7_theDslAndSltSeeEveryIncidentOfTheirSchool() {
        String school = "school-" + UUID.randomUUID();
        String staff = TestTokens.bearer("staff-a", school, "STAFF");
        String parent = TestTokens.bearer("parent-a", school, "PARENT");
        String mine = reportAs(staff, report("EXTREMISM_OR_RADICALISATION", "Extremist video shared", pupil()));
        String theirs = reportAs(parent, report("COPYRIGHT", "Our photo reused", staffMember()));
        for (String reader : List.of(TestTokens.bearer("dsl-a", school, "DSL"), TestTokens.bearer("slt-a", school, "SLT"))) {
            API.as(reader).get("/api/v1/incidents").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(id(mine), id(theirs)))
                    .body("items.view", everyItem(equalTo("CASE_FILE")));
        }
        API.as(staff).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", contains(id(mine)))
                .body("items.view", contains("STATUS_ONLY"));
        API.as(TestTokens.bearer("dsl-a", school, "DSL")).queryParam("category", "COPYRIGHT").queryParam("status", "REPORTED")
                .get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", contains(id(theirs)));
    }

    @Test
    void anotherSchoolSeesNothing() {
        String location = reportAs(STAFF, report("OTHER", "Ours", pupil()));
        API.as(OTHER_SCHOOL_SLT).get(location).then().statusCode(404).contentType("application/problem+json");
        API.as(OTHER_SCHOOL_SLT).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", everyItem(org.hamcrest.Matchers.not(equalTo(id(location)))));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerWithoutANewEvent() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = report("OTHER", "Reported once", pupil());
        String first = API.as(STAFF).header("Idempotency-Key", key).body(body).post("/api/v1/incidents")
                .then().statusCode(201).extract().header("Location");
        long events = API.events();
        API.as(STAFF).header("Idempotency-Key", key).body(body).post("/api/v1/incidents")
                .then().statusCode(201).header("Location", first).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id(first)));
        assertEquals(events, API.events());
        Map<String, Object> other = new HashMap<>(body);
        other.put("whatHappened", "Something else");
        API.as(STAFF).header("Idempotency-Key", key).body(other).post("/api/v1/incidents")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void listIsPagedWithACursorNewestFirst() {
        String token = TestTokens.bearer("pager-" + UUID.randomUUID(), TestTokens.SCHOOL, "STAFF");
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reported.add(id(reportAs(token, report("OTHER", "Report " + i, pupil()))));
        }
        String next = API.as(token).queryParam("limit", 2).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", contains(reported.get(2), reported.get(1)))
                .body("page.nextCursor", notNullValue())
                .extract().path("page.nextCursor");
        API.as(token).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", contains(reported.get(0))).body("page.nextCursor", nullValue());
        API.badInput(token).queryParam("cursor", "not-a-cursor").get("/api/v1/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aud1_theStoredEventCarriesTheAuditMetadata() throws Exception {
        API.as(PARENT).header("X-Correlation-Id", "corr-inc-1").body(report("OTHER", "Audited", pupil()))
                .post("/api/v1/incidents").then().statusCode(201);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet row = c.createStatement().executeQuery(
                     "SELECT meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1")) {
            row.next();
            String metadata = new String(row.getBytes(1), StandardCharsets.UTF_8);
            for (String expected : new String[]{"\"actorId\":\"parent-1\"", "\"actorRoles\":\"PARENT\"",
                    "\"schoolId\":\"" + TestTokens.SCHOOL + "\"", "\"correlationId\":\"corr-inc-1\""}) {
                org.junit.jupiter.api.Assertions.assertTrue(metadata.contains(expected), metadata + " lacks " + expected);
            }
        }
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
