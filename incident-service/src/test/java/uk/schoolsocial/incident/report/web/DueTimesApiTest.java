package uk.schoolsocial.incident.report.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * INC-3 and INC-5 due times through the persistent deadline manager, with the targets shortened to
 * a second by configuration (the defaults are one working day and 48 hours).
 */
@MicronautTest(transactional = false)
@Property(name = "smp.incident.assess-within", value = "PT1S")
@Property(name = "smp.incident.takedown-escalate-after", value = "PT1S")
@Property(name = "smp.axon.deadline-poll", value = "200ms")
class DueTimesApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");

    @Test
    void inc3_anUnassessedIncidentSurfacesAsOverdue() {
        String school = "school-" + UUID.randomUUID();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String incident = API.as(TestTokens.bearer("staff-a", school, "STAFF"))
                .body(HandlingApiTest.report("OTHER", "UNKNOWN")).post("/api/v1/incidents").then().statusCode(201)
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                API.as(slt).get(incident).then().statusCode(200).body("assessmentOverdue", equalTo(true)));
        API.as(slt).queryParam("overdue", true).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", contains(incident.substring(incident.lastIndexOf('/') + 1)));
        API.as(slt).get(incident + "/history").then().statusCode(200)
                .body("items[2].what", startsWith("Initial assessment overdue"))
                .body("items[2].actorId", startsWith("system:deadline"))
                .body("items[2].actorRoles", equalTo("SYSTEM"));
        API.as(slt).body(Map.of("severity", "LOW", "safeguarding", false, "possiblyIllegal", false,
                        "posterType", "UNKNOWN", "route", "PLATFORM")).post(incident + "/assessment").then()
                .statusCode(200).body("assessmentOverdue", equalTo(false)).body("assessment.onTime", equalTo(false));
    }

    @Test
    void inc5_aPlatformSilentPastTheLimitGetsAHelplineSuggestion() {
        String school = "school-" + UUID.randomUUID();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String incident = API.as(TestTokens.bearer("staff-a", school, "STAFF"))
                .body(HandlingApiTest.report("OTHER", "THIRD_PARTY")).post("/api/v1/incidents").then()
                .statusCode(201).extract().header("Location");
        API.as(slt).body(Map.of("addressee", "PLATFORM", "addressedTo", "Facebook")).post(incident + "/takedowns")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                API.as(slt).get(incident).then().statusCode(200).body("takedowns[0].escalationSuggestedAt", notNullValue()));
        API.as(slt).get(incident + "/history").then().statusCode(200)
                .body("items.what", hasItem(startsWith("No answer from the platform to takedown request")));
    }

    /** INC-5: a DSL sees which takedowns are overdue, on the incident and across the school. */
    @Test
    void inc5_overdueTakedownsAreFlaggedAndListed() {
        String school = "school-" + UUID.randomUUID();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String dsl = TestTokens.bearer("dsl-a", school, "DSL");
        API.as(slt).body(Map.of("platform", "Facebook", "hours", 24)).post("/api/v1/incidents/takedown-periods").then()
                .statusCode(200).body("defaultPeriod", equalTo("PT1S"));
        String incident = API.as(TestTokens.bearer("staff-a", school, "STAFF"))
                .body(HandlingApiTest.report("OTHER", "THIRD_PARTY")).post("/api/v1/incidents").then()
                .statusCode(201).extract().header("Location");
        String late = API.as(slt).body(Map.of("addressee", "PLATFORM", "addressedTo", "TikTok"))
                .post(incident + "/takedowns").then().statusCode(201).extract().path("takedowns[0].id");
        String onTime = API.as(slt).body(Map.of("addressee", "PLATFORM", "addressedTo", "Facebook"))
                .post(incident + "/takedowns").then().statusCode(201).extract().path("takedowns[1].id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> API.as(dsl).queryParam("overdue", true)
                .get("/api/v1/incidents/takedowns").then().statusCode(200)
                .body("items.takedown.id", contains(late))
                .body("items[0].takedown.overdue", equalTo(true)));
        API.as(dsl).queryParam("overdue", false).get("/api/v1/incidents/takedowns").then().statusCode(200)
                .body("items.takedown.id", contains(onTime));
        API.as(dsl).get(incident).then().statusCode(200)
                .body("takedownOverdue", equalTo(true))
                .body("takedowns.overdue", contains(true, false));
        API.as(dsl).body(Map.of("note", "Gone")).post(incident + "/takedowns/" + late + "/removal").then().statusCode(200)
                .body("takedownOverdue", equalTo(false)).body("takedowns[0].overdue", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> API.as(dsl).queryParam("overdue", true)
                .get("/api/v1/incidents/takedowns").then().statusCode(200).body("items", org.hamcrest.Matchers.empty()));
        API.as(dsl).queryParam("state", "REMOVED").get("/api/v1/incidents/takedowns").then().statusCode(200)
                .body("items.takedown.id", contains(late));
    }
}
