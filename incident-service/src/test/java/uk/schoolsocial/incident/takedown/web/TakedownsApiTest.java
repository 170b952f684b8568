package uk.schoolsocial.incident.takedown.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.incident.report.web.HandlingApiTestAccess;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * INC-5: when a takedown request to a platform falls due, shown on the request, the incident, the
 * list of a school's takedowns, the history and the record as of any moment; and the school's own
 * period per platform, which SLT shortens or lengthens. With the default of 48 hours; overdue
 * requests are in DueTimesApiTest, where the default is a second.
 */
@MicronautTest(transactional = false)
class TakedownsApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");
    @RegisterExtension
    static final ServiceApi AUDIT = new ServiceApi("audit");

    private static String school() {
        return "school-" + UUID.randomUUID();
    }

    private String report(String school) {
        return API.as(TestTokens.bearer("staff-a", school, "STAFF")).body(HandlingApiTestAccess.report("OTHER", "THIRD_PARTY"))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
    }

    private JsonPath requestTakedown(String slt, String incident, String addressee, String addressedTo) {
        return API.as(slt).body(Map.of("addressee", addressee, "addressedTo", addressedTo))
                .post(incident + "/takedowns").then().statusCode(201).extract().jsonPath();
    }

    private ValidatableResponse setPeriod(String token, String platform, Object hours) {
        return API.as(token).body(Map.of("platform", platform, "hours", hours)).post("/api/v1/incidents/takedown-periods")
                .then();
    }

    /** How long after it was made the case file's {@code index}th takedown request falls due. */
    private static Duration dueAfter(JsonPath caseFile, int index) {
        String takedown = "takedowns[" + index + "].";
        return Duration.between(Instant.parse(caseFile.getString(takedown + "requestedAt")),
                Instant.parse(caseFile.getString(takedown + "dueAt")));
    }

    @Test
    void inc5_aPlatformTakedownShowsWhenItFallsDueEverywhere() {
        String school = school();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String incident = report(school);
        String id = incident.substring(incident.lastIndexOf('/') + 1);
        JsonPath answer = requestTakedown(slt, incident, "PLATFORM", "Facebook");
        String takedownId = answer.getString("takedowns[0].id");
        String dueAt = answer.getString("takedowns[0].dueAt");
        assertEquals(Duration.ofHours(48), dueAfter(answer, 0));
        assertEquals(false, answer.getBoolean("takedowns[0].overdue"));
        // the incident shows its next due time
        API.as(slt).get(incident).then().statusCode(200)
                .body("takedownDueAt", equalTo(dueAt)).body("takedownOverdue", equalTo(false))
                .body("takedowns[0].dueAt", equalTo(dueAt));
        // a request to a person has none, and leaves the incident's next due time as it was
        requestTakedown(slt, incident, "PERSON", "The parent who posted it");
        API.as(slt).get(incident).then().statusCode(200)
                .body("takedowns[1].dueAt", nullValue()).body("takedowns[1].overdue", equalTo(false))
                .body("takedownDueAt", equalTo(dueAt));
        // the school's list of takedowns
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> API.as(slt).queryParam("state", "REQUESTED")
                .get("/api/v1/incidents/takedowns").then().statusCode(200)
                .body("items.takedown.id", hasItem(takedownId))
                .body("items.find { it.takedown.id == '" + takedownId + "' }.incidentId", equalTo(id))
                .body("items.find { it.takedown.id == '" + takedownId + "' }.takedown.dueAt", equalTo(dueAt))
                .body("items.find { it.takedown.id == '" + takedownId + "' }.takedown.addressedTo", equalTo("Facebook")));
        API.as(slt).queryParam("overdue", true).get("/api/v1/incidents/takedowns").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        // the history, and the record as it stood (AUD-2)
        API.as(slt).get(incident + "/history").then().statusCode(200)
                .body("items.what", hasItem(startsWith("Asked the platform Facebook to remove the post; due by ")));
        String stored = AUDIT.as(slt).get("/api/v1/audit/incident/records/" + id).then()
                .statusCode(200).extract().path("state.takedownDueAt." + takedownId);
        assertEquals(Instant.parse(dueAt), Instant.parse(stored));
        // settled, it is due no more
        API.as(slt).body(Map.of()).post(incident + "/takedowns/" + takedownId + "/removal").then().statusCode(200)
                .body("takedownDueAt", nullValue()).body("takedowns[0].dueAt", equalTo(dueAt))
                .body("takedowns[0].overdue", equalTo(false));
    }

    @Test
    void inc5_sltShortensOrLengthensThePeriodPerPlatform() {
        String school = school();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String dsl = TestTokens.bearer("dsl-a", school, "DSL");
        API.as(dsl).get("/api/v1/incidents/takedown-periods").then().statusCode(200)
                .body("defaultPeriod", equalTo("PT48H")).body("items", org.hamcrest.Matchers.empty());
        setPeriod(slt, " Facebook ", 24).statusCode(200)
                .body("defaultPeriod", equalTo("PT48H"))
                .body("items.platform", contains("Facebook")).body("items[0].hours", equalTo(24))
                .body("items[0].setBy", equalTo("slt-a"));
        setPeriod(slt, "TikTok", 336).statusCode(200).body("items.platform", containsInAnyOrder("Facebook", "TikTok"));
        setPeriod(dsl, "Facebook", 12).statusCode(403);
        setPeriod(TestTokens.bearer("slt-b", school(), "SLT"), "Facebook", 1).statusCode(200)
                .body("items.hours", contains(1));

        String incident = report(school);
        assertEquals(Duration.ofHours(24), dueAfter(requestTakedown(slt, incident, "PLATFORM", "facebook"), 0));
        assertEquals(Duration.ofHours(48), dueAfter(requestTakedown(slt, incident, "PLATFORM", "Instagram"), 1));
        // a longer period counts from the next request; the first keeps its due time
        setPeriod(slt, "FACEBOOK", 72).statusCode(200).body("items.find { it.platform == 'FACEBOOK' }.hours", equalTo(72));
        JsonPath after = requestTakedown(slt, incident, "PLATFORM", "Facebook");
        assertEquals(Duration.ofHours(24), dueAfter(after, 0));
        assertEquals(Duration.ofHours(72), dueAfter(after, 2));
        API.as(slt).get(incident).then().body("takedownDueAt", equalTo(after.getString("takedowns[0].dueAt")));
    }

    @Test
    void inc5_aPeriodOutOfBoundsOrWithoutAPlatformIsRefusedNamingTheField() {
        String slt = TestTokens.bearer("slt-a", school(), "SLT");
        for (int hours : new int[]{0, 337}) {
            API.badInput(slt).body(Map.of("platform", "Facebook", "hours", hours))
                    .post("/api/v1/incidents/takedown-periods").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", contains("hours"));
        }
        API.badInput(slt).body(Map.of("platform", "  ", "hours", 24))
                .post("/api/v1/incidents/takedown-periods").then().statusCode(400)
                .body("errors.field", contains("platform"));
        API.badInput(slt).body(Map.of("platform", "Facebook"))
                .post("/api/v1/incidents/takedown-periods").then().statusCode(400)
                .body("errors.field", contains("hours"));
        API.as(slt).get("/api/v1/incidents/takedown-periods").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
