package uk.schoolsocial.incident.report.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_SCHOOL_SLT;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** INC-3 to INC-6 (and INC-7 on them) through the real HTTP stack, Axon and the database, checked against incident.yaml. */
@MicronautTest(transactional = false)
class HandlingApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");

    static Map<String, Object> report(String category, String personRole) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("whatHappened", "A parent posted that a named teacher is incompetent.");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("platform", "Facebook");
        body.put("location", "https://facebook.com/groups/parents/posts/123");
        body.put("officialAccountInvolved", false);
        body.put("peopleInvolved", List.of(Map.of("role", personRole)));
        return body;
    }

    private String reportDefamatory() {
        String location = API.as(STAFF).body(report("DEFAMATORY_OR_OFFENSIVE_CONTENT", "PARENT"))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
        return location;
    }

    private static Map<String, Object> assessment(boolean safeguarding, boolean illegal, String poster, String route) {
        return Map.of("severity", "MEDIUM", "safeguarding", safeguarding, "possiblyIllegal", illegal,
                "posterType", poster, "route", route, "notes", "Third party page");
    }

    private ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return API.as(token).body(body).post(path).then();
    }

    private ValidatableResponse assess(String token, String incident, Map<String, Object> body) {
        return post(token, incident + "/assessment", body);
    }

    @Test
    void inc3_sltRecordsTheInitialAssessmentWithItsTarget() {
        String incident = reportDefamatory();
        API.as(SLT).get(incident).then().statusCode(200)
                .body("assessmentDueAt", notNullValue()).body("assessmentOverdue", equalTo(false));
        API.as(SLT).header("If-Match", "\"1\"").body(assessment(false, false, "PARENT", "INTERNAL"))
                .post(incident + "/assessment").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("ASSESSED"))
                .body("assessment.assessorId", equalTo("slt-1"))
                .body("assessment.assessorRole", equalTo("SLT"))
                .body("assessment.severity", equalTo("MEDIUM"))
                .body("assessment.posterType", equalTo("PARENT"))
                .body("assessment.internalProcedure", equalTo("ASK_TO_REMOVE_THEN_COMPLAINTS"))
                .body("assessment.onTime", equalTo(true));
        assess(SLT, incident, assessment(false, false, "PARENT", "INTERNAL")).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("ALREADY_ASSESSED"));
    }

    /** Issue 18: a version older than the record's is the same 412 as one from the future, in every service. */
    @Test
    void inc3_aStaleIfMatchIsRefused() {
        String incident = reportDefamatory();
        API.as(SLT).header("If-Match", "\"0\"").body(assessment(false, false, "PARENT", "INTERNAL"))
                .post(incident + "/assessment").then().statusCode(412).contentType("application/problem+json")
                .body("code", equalTo("VERSION_MISMATCH"));
        API.as(SLT).header("If-Match", "\"7\"").body(assessment(false, false, "PARENT", "INTERNAL"))
                .post(incident + "/assessment").then().statusCode(412).body("code", equalTo("VERSION_MISMATCH"));
    }

    @Test
    void inc3_aSafeguardingIncidentIsAssessedByTheDsl() {
        String incident = API.as(STAFF).body(report("BULLYING_OR_HARASSMENT", "PUPIL")).post("/api/v1/incidents")
                .then().statusCode(201).extract().header("Location");
        assess(SLT, incident, assessment(true, false, "PUPIL", "INTERNAL")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("SAFEGUARDING_NEEDS_DSL"));
        assess(DSL, incident, assessment(true, false, "PUPIL", "INTERNAL")).statusCode(200)
                .body("assessment.assessorRole", equalTo("DSL"))
                .body("assessment.internalProcedure", equalTo("BEHAVIOUR_POLICY"));
    }

    @Test
    void inc3_badAssessmentsNameTheWrongFields() {
        String incident = reportDefamatory();
        API.badInput(SLT).body(Map.of("severity", "HUGE")).post(incident + "/assessment").then().statusCode(400)
                .contentType("application/problem+json");
        API.badInput(SLT).body(Map.of("notes", "x")).post(incident + "/assessment").then().statusCode(400)
                .body("errors.field", hasItems("severity", "safeguarding", "possiblyIllegal", "posterType", "route"));
        assess(SLT, incident, assessment(false, false, "THIRD_PARTY", "INTERNAL")).statusCode(400)
                .body("code", equalTo("INCOMPLETE_DETAILS")).body("errors.field", contains("route"));
    }

    @Test
    void inc4_inc6_possiblyIllegalClosesOnlyAfterAPoliceEscalation() {
        String incident = reportDefamatory();
        assess(SLT, incident, assessment(false, true, "THIRD_PARTY", "POLICE")).statusCode(200);
        Map<String, Object> close = Map.of("outcome", "Dealt with", "actionsTaken", "Reported");
        post(SLT, incident + "/closure", close).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("POLICE_ESCALATION_REQUIRED"));
        String escalation = post(SLT, incident + "/escalations", Map.of("body", "POLICE",
                "escalatedAt", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString(),
                "externalReference", "CR-2026-1")).statusCode(201)
                .body("escalations[0].body", equalTo("POLICE"))
                .body("escalations[0].escalatedBy", equalTo("slt-1"))
                .body("escalations[0].externalReference", equalTo("CR-2026-1"))
                .extract().path("escalations[0].id");
        post(SLT, incident + "/escalations/" + escalation + "/response",
                Map.of("response", "No further action", "externalReference", "CR-2026-1/A")).statusCode(200)
                .body("escalations[0].response", equalTo("No further action"))
                .body("escalations[0].respondedAt", notNullValue());
        post(SLT, incident + "/escalations/" + escalation + "/response", Map.of("response", "Again")).statusCode(422)
                .body("code", equalTo("ESCALATION_ANSWERED"));
        post(SLT, incident + "/closure", close).statusCode(200).body("status", equalTo("CLOSED"))
                .body("closure.outcome", equalTo("Dealt with"));
    }

    /** Issue 18: a new escalation or takedown request is 201 with a Location that reads that entry. */
    @Test
    void inc4_inc5_aNewEntryOfTheCaseFileHasALocationThatReadsIt() {
        String incident = reportDefamatory();
        ValidatableResponse escalated = post(SLT, incident + "/escalations", Map.of("body", "PLATFORM",
                "escalatedAt", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString(),
                "externalReference", "FB-77")).statusCode(201);
        String escalationId = escalated.extract().path("escalations[0].id");
        String escalation = escalated.extract().header("Location");
        assertEquals(incident + "/escalations/" + escalationId, escalation);
        API.as(DSL).get(escalation).then().statusCode(200).header("ETag", escalated.extract().header("ETag"))
                .body("id", equalTo(escalationId)).body("body", equalTo("PLATFORM"))
                .body("externalReference", equalTo("FB-77"));
        ValidatableResponse requested = post(SLT, incident + "/takedowns",
                Map.of("addressee", "PLATFORM", "addressedTo", "Facebook")).statusCode(201);
        String takedown = requested.extract().header("Location");
        API.as(SLT).get(takedown).then().statusCode(200).header("ETag", requested.extract().header("ETag"))
                .body("addressee", equalTo("PLATFORM")).body("state", equalTo("REQUESTED"))
                .body("dueAt", notNullValue());
        API.as(STAFF).get(takedown).then().statusCode(403);
        API.as(SLT).get(incident + "/takedowns/9b2e4c61-1f0a-4d7e-8c3b-5a6d7e8f9a0b").then().statusCode(404)
                .contentType("application/problem+json");
        API.as(OTHER_SCHOOL_SLT).get(escalation).then().statusCode(404);
    }

    @Test
    void inc4_anEscalationNeedsAKnownBody() {
        String incident = reportDefamatory();
        API.badInput(SLT).body(Map.of("body", "MI5", "escalatedAt", "2026-01-01T00:00:00Z"))
                .post(incident + "/escalations").then().statusCode(400).contentType("application/problem+json");
        post(SLT, incident + "/escalations/9b2e4c61-1f0a-4d7e-8c3b-5a6d7e8f9a0b/response", Map.of("response", "?"))
                .statusCode(404).body("code", equalTo("UNKNOWN_ESCALATION"));
    }

    @Test
    void inc5_aTakedownRequestIsTrackedToRemovalOrAbandonment() {
        String incident = reportDefamatory();
        String first = post(SLT, incident + "/takedowns", Map.of("addressee", "PLATFORM", "addressedTo", "Facebook",
                "reference", "FB-1")).statusCode(201)
                .body("takedowns[0].state", equalTo("REQUESTED"))
                .body("takedowns[0].addressee", equalTo("PLATFORM"))
                .extract().path("takedowns[0].id");
        String second = post(SLT, incident + "/takedowns", Map.of("addressee", "PERSON",
                "addressedTo", "The parent who posted it")).statusCode(201).extract().path("takedowns[1].id");
        post(SLT, incident + "/takedowns/" + first + "/removal", Map.of("note", "Link dead")).statusCode(200)
                .body("takedowns[0].state", equalTo("REMOVED")).body("takedowns[0].settledAt", notNullValue());
        post(SLT, incident + "/takedowns/" + first + "/removal", Map.of()).statusCode(422)
                .body("code", equalTo("TAKEDOWN_SETTLED"));
        post(DSL, incident + "/takedowns/" + second + "/abandonment", Map.of("reason", "Account deleted"))
                .statusCode(200).body("takedowns[1].state", equalTo("ABANDONED"))
                .body("takedowns[1].note", equalTo("Account deleted"));
        API.badInput(SLT).body(Map.of("reason", " ")).post(incident + "/takedowns/" + second + "/abandonment").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void inc6_closeReopenAndTheWholeHistoryInOrder() {
        String incident = reportDefamatory();
        post(SLT, incident + "/closure", Map.of("outcome", "x", "actionsTaken", "y")).statusCode(422)
                .body("code", equalTo("NOT_ASSESSED"));
        assess(SLT, incident, assessment(false, false, "THIRD_PARTY", "PLATFORM")).statusCode(200);
        post(SLT, incident + "/closure", Map.of("outcome", "Removed", "actionsTaken", "Reported")).statusCode(200);
        post(SLT, incident + "/takedowns", Map.of("addressee", "PLATFORM", "addressedTo", "Facebook"))
                .statusCode(422).body("code", equalTo("INCIDENT_CLOSED"));
        post(DSL, incident + "/reopening", Map.of("reason", "Reposted")).statusCode(200)
                .body("status", equalTo("ASSESSED")).body("closure", nullValue());
        post(DSL, incident + "/reopening", Map.of("reason", "Again")).statusCode(422)
                .body("code", equalTo("INCIDENT_NOT_CLOSED"));
        API.as(STAFF).get(incident).then().statusCode(200).body("status", equalTo("ASSESSED"))
                .body("assessment", nullValue());
        API.as(DSL).get(incident + "/history").then().statusCode(200)
                .body("items.actorId", contains("staff-1", "staff-1", "slt-1", "slt-1", "dsl-1"))
                .body("items[0].what", startsWith("Reported a defamatory or offensive content incident on Facebook"))
                .body("items[1].what", startsWith("Initial assessment due by"))
                .body("items[2].what", equalTo("Assessed: severity medium, safeguarding no, possibly illegal no, "
                        + "posted by third party, route platform"))
                .body("items[2].why", equalTo("Third party page"))
                .body("items[3].what", equalTo("Closed with outcome: Removed; actions taken: Reported"))
                .body("items[4].what", equalTo("Reopened"))
                .body("items[4].why", equalTo("Reposted"))
                .body("items.at", everyItem(notNullValue()));
    }

    @Test
    void inc7_onlyDslAndSltHandleOrReadTheHistory() {
        String incident = reportDefamatory();
        assess(STAFF, incident, assessment(false, false, "PARENT", "INTERNAL")).statusCode(403)
                .contentType("application/problem+json");
        API.as(STAFF).get(incident + "/history").then().statusCode(403);
        API.as(OTHER_SCHOOL_SLT).get(incident + "/history").then().statusCode(404).contentType("application/problem+json");
        assess(OTHER_SCHOOL_SLT, incident, assessment(false, false, "PARENT", "INTERNAL")).statusCode(404)
                .contentType("application/problem+json");
        post(SLT, "/api/v1/incidents/3c9d2f41-6a0e-4b8e-9f0a-2d7c5e1b8a34/closure",
                Map.of("outcome", "x", "actionsTaken", "y")).statusCode(404);
    }

    @Test
    void inc2_inc3_theListFiltersByAssignedRole() {
        String school = "school-" + java.util.UUID.randomUUID();
        String staff = TestTokens.bearer("staff-a", school, "STAFF");
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String toDsl = API.as(staff).body(report("PUPIL_CONTACT_WITH_STAFF", "PUPIL")).post("/api/v1/incidents").then()
                .statusCode(201).extract().header("Location");
        String toSlt = API.as(staff).body(report("COPYRIGHT", "THIRD_PARTY")).post("/api/v1/incidents").then()
                .statusCode(201).extract().header("Location");
        API.as(slt).queryParam("assignedRole", "DSL").get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", contains(toDsl.substring(toDsl.lastIndexOf('/') + 1)));
        API.as(slt).queryParam("assignedRole", "SLT").queryParam("overdue", false).get("/api/v1/incidents").then()
                .statusCode(200).body("items.id", contains(toSlt.substring(toSlt.lastIndexOf('/') + 1)));
        API.as(slt).queryParam("overdue", true).get("/api/v1/incidents").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
