package uk.schoolsocial.consent.changes.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 12: the MIS reads what changed since its last sync from a cursor: consents given and
 * withdrawn (CON-1, CON-3), objections (CON-2) and leavers (CON-6), ids and statuses only.
 */
@MicronautTest(transactional = false)
class ChangeFeedApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String CHANGES = "/api/v1/consents/changes";

    private Response page(String token, String cursor) {
        RequestSpecification request = API.as(token);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(CHANGES).then().statusCode(200).extract().response();
    }

    @Test
    void theMisReadsConsentWithdrawalsAndLeaversFromItsCursor() {
        String school = "school-" + UUID.randomUUID();
        String mis = TestTokens.bearer("mis-1", school, "INTEGRATION");
        String staff = TestTokens.bearer("staff-1", school, "STAFF");
        Scenario scenario = new Scenario(token -> API.as(token.equals(Scenario.MIS) ? mis
                : token.equals(Scenario.STAFF) ? staff : token));
        String stays = scenario.pupil("Jane", "Doe");
        scenario.consent(stays, "WEBSITE");
        await().atMost(Duration.ofSeconds(10)).until(() -> page(mis, null).path("items.size()").equals(1));
        String cursor = page(mis, null).path("cursor");

        API.as(staff).body(Map.of("withdrawnBy", "parent-1")).post("/api/v1/pupils/" + stays + "/consents/WEBSITE/withdrawal")
                .then().statusCode(200);
        String leaver = "pupil-" + UUID.randomUUID();
        API.as(mis).body(Map.of("records", List.of(Map.of("pupilId", leaver, "forename", "Sam", "surname", "Patel",
                "yearGroup", "Year 6", "dateOfBirth", "2015-01-30", "parentalResponsibility", List.of("parent-1"),
                "leavingDate", "2026-10-17")))).post("/api/v1/pupils/roster").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page(mis, cursor).then()
                .body("items.kind", contains("CONSENT", "PUPIL_LEFT")));
        page(mis, cursor).then()
                .body("items[0].recordId", equalTo(stays)).body("items[0].subjectId", equalTo(stays))
                .body("items[0].channel", equalTo("WEBSITE")).body("items[0].status", equalTo("WITHDRAWN"))
                .body("items[0].link", equalTo("/api/v1/pupils/" + stays + "/consents"))
                .body("items[1].subjectId", equalTo(leaver)).body("items[1].status", equalTo("LEFT"))
                .body("more", equalTo(false))
                .body(not(containsString("Jane")), not(containsString("Patel")), not(containsString("CF-1")));
        String last = page(mis, cursor).path("cursor");
        page(mis, last).then().body("items", empty()).body("cursor", equalTo(last)).body("more", equalTo(false));
        // another school's MIS sees none of it
        page(TestTokens.bearer("mis-2", "school-" + UUID.randomUUID(), "INTEGRATION"), null).then()
                .body("items", empty());
    }

    @Test
    void aPageAtATimeSaysWhetherThereIsMore() {
        String school = "school-" + UUID.randomUUID();
        String mis = TestTokens.bearer("mis-1", school, "INTEGRATION");
        String staff = TestTokens.bearer("staff-1", school, "STAFF");
        Scenario scenario = new Scenario(token -> API.as(token.equals(Scenario.MIS) ? mis
                : token.equals(Scenario.STAFF) ? staff : token));
        String pupil = scenario.pupil("Sam", "Patel");
        scenario.consent(pupil, "WEBSITE");
        scenario.consent(pupil, "PRINT");
        scenario.consent(pupil, "PRESS_AND_MEDIA");
        await().atMost(Duration.ofSeconds(10)).until(() -> page(mis, null).path("items.size()").equals(3));
        Response first = API.as(mis).queryParam("limit", 2).get(CHANGES).then().statusCode(200)
                .body("items.channel", contains("WEBSITE", "PRINT")).body("more", equalTo(true)).extract().response();
        API.as(mis).queryParam("limit", 2).queryParam("cursor", first.path("cursor").toString()).get(CHANGES).then()
                .statusCode(200).body("items.channel", contains("PRESS_AND_MEDIA")).body("more", equalTo(false))
                .body("items.status", everyItem(equalTo("GRANTED")));
    }

    @Test
    void onlyTheMisSltAndAuditorsReadTheFeedAndBadQueriesAreRefused() {
        String school = "school-" + UUID.randomUUID();
        API.as(TestTokens.bearer("staff-1", school, "STAFF")).get(CHANGES).then().statusCode(403);
        API.as(TestTokens.bearer("parent-1", school, "PARENT")).get(CHANGES).then().statusCode(403);
        API.as(TestTokens.bearer("slt-1", school, "SLT")).get(CHANGES).then().statusCode(200);
        API.as(TestTokens.bearer("gov-1", school, "AUDITOR")).get(CHANGES).then().statusCode(200);
        String mis = TestTokens.bearer("mis-1", school, "INTEGRATION");
        API.as(mis).queryParam("updated_after", "2026-01-01T00:00:00Z").get(CHANGES).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_PARAMETER")).body("errors.field", contains("updated_after"));
        API.as(mis).queryParam("cursor", "not-a-cursor").get(CHANGES).then().statusCode(400)
                .body("errors.field", contains("cursor"));
    }
}
