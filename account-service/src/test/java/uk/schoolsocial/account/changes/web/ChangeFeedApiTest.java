package uk.schoolsocial.account.changes.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 12: the MIS reads what changed in account-service since its last sync from a cursor: staff
 * leaving and notice withdrawn (ACC-7), official accounts going live, suspended, reinstated and
 * closed (ACC-5, ACC-9), handovers opened and cancelled (ACC-7). Ids and statuses only.
 */
@MicronautTest(transactional = false)
class ChangeFeedApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    private static final String CHANGES = "/api/v1/accounts/changes";

    private Response page(String token, String cursor) {
        RequestSpecification request = API.as(token);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(CHANGES).then().statusCode(200).extract().response();
    }

    private void sync(String mis, Map<String, Object>... records) {
        API.as(mis).body(Map.of("records", List.of(records))).post("/api/v1/staff/sync").then().statusCode(200);
    }

    private static Map<String, Object> staff(String id, String forename, String surname, LocalDate leaving) {
        Map<String, Object> record = new HashMap<>(Map.of("staffId", id, "forename", forename, "surname", surname));
        if (leaving != null) {
            record.put("leavingDate", leaving.toString());
        }
        return record;
    }

    /** ACC-5: an account of a-1 and a-2 that went live. */
    private String liveAccount(String school) {
        String slt = TestTokens.bearer("head", school, "SLT");
        String application = API.as(TestTokens.bearer("applicant", school, "STAFF")).body(Map.of("platform", "INSTAGRAM",
                        "proposedName", "Oakfield PE", "aim", "Fixtures", "audience", "Parents", "promotion", "Newsletter",
                        "administrators", List.of("a-1", "a-2"), "privacy", "PRIVATE", "privacyReason", "Followers approved"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        API.as(slt).body(Map.of("reason", "Clear aim")).post(application + "/approval").then().statusCode(200);
        Map<String, Object> provisioning = new HashMap<>();
        provisioning.put("applicationId", application.substring(application.lastIndexOf('/') + 1));
        provisioning.put("handle", "oakfield_pe");
        provisioning.put("displayName", "Oakfield PE");
        provisioning.put("whoMayPost", List.of("a-1", "a-2"));
        provisioning.put("followersApproved", true);
        provisioning.put("taggingOff", true);
        provisioning.put("aupLink", "https://oakfield.sch.uk/aup");
        String location = API.as(TestTokens.bearer("admin", school, "ACCOUNT_ADMIN")).body(provisioning)
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
        for (String admin : List.of("a-1", "a-2")) {
            API.as(TestTokens.bearer(admin, school, "STAFF")).body(Map.of("policyVersion", 1))
                    .post(location + "/acknowledgements").then().statusCode(200);
            API.as(slt).body(Map.of("administratorId", admin)).post(location + "/trainings").then().statusCode(200);
        }
        return location;
    }

    @Test
    void issue12_theMisReadsLeaversAccountStatusesAndHandoversFromItsCursor() {
        String school = "school-" + UUID.randomUUID();
        String mis = TestTokens.bearer("mis-1", school, "INTEGRATION");
        String slt = TestTokens.bearer("head", school, "SLT");
        sync(mis, staff("a-1", "Priya", "Shah", null), staff("a-2", "Omar", "Khan", null));
        String location = liveAccount(school);
        String accountId = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page(mis, null).then()
                .body("items.kind", contains("ACCOUNT_STATUS")).body("items[0].status", equalTo("LIVE"))
                .body("items[0].recordId", equalTo(accountId)).body("items[0].link", equalTo(location))
                .body("items[0].subjectId", nullValue()));
        String cursor = page(mis, null).path("cursor");

        // ACC-7: a-1 gives notice, leaving one fit administrator besides them: a handover opens; then they stay.
        sync(mis, staff("a-1", "Priya", "Shah", LocalDate.now().plusDays(20)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page(mis, cursor).then()
                .body("items.kind", contains("STAFF_LEFT", "HANDOVER")));
        sync(mis, staff("a-1", "Priya", "Shah", null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page(mis, cursor).then()
                .body("items.status", contains("LEFT", "OPENED", "WITHDRAWN", "CANCELLED")));
        // ACC-9
        API.as(slt).body(Map.of("reason", "Compromised by Priya Shah")).post(location + "/suspension").then().statusCode(200);
        API.as(slt).body(Map.of("reason", "Rotated")).post(location + "/reinstatement").then().statusCode(200);
        API.as(slt).body(Map.of("reason", "No longer needed")).post(location + "/closure").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page(mis, cursor).then().body("items.kind",
                contains("STAFF_LEFT", "HANDOVER", "STAFF_LEFT", "HANDOVER", "ACCOUNT_STATUS", "ACCOUNT_STATUS",
                        "ACCOUNT_STATUS")));
        Response changes = page(mis, cursor);
        changes.then()
                .body("items.status", contains("LEFT", "OPENED", "WITHDRAWN", "CANCELLED", "SUSPENDED", "LIVE", "CLOSED"))
                .body("items[0].recordId", equalTo("a-1")).body("items[0].subjectId", equalTo("a-1"))
                .body("items[0].link", equalTo("/api/v1/staff/a-1"))
                .body("items[1].link", equalTo(location)).body("items[1].subjectId", nullValue())
                .body("items[1].recordId", equalTo(changes.path("items[3].recordId")))
                .body("items[4].recordId", equalTo(accountId))
                .body("more", equalTo(false))
                .body(not(containsString("Priya")), not(containsString("Shah")), not(containsString("Compromised")),
                        not(containsString("oakfield")));
        // Resuming a page at a time gives the same entries, and the last cursor an empty page with itself.
        Response first = API.as(mis).queryParam("cursor", cursor).queryParam("limit", 4).get(CHANGES).then().statusCode(200)
                .body("items.status", contains("LEFT", "OPENED", "WITHDRAWN", "CANCELLED")).body("more", equalTo(true))
                .extract().response();
        Response second = API.as(mis).queryParam("cursor", first.path("cursor").toString()).queryParam("limit", 4)
                .get(CHANGES).then().statusCode(200)
                .body("items.status", contains("SUSPENDED", "LIVE", "CLOSED")).body("more", equalTo(false))
                .extract().response();
        String last = second.path("cursor");
        page(mis, last).then().body("items", empty()).body("cursor", equalTo(last)).body("more", equalTo(false));
        // another school's MIS sees none of it
        page(TestTokens.bearer("mis-2", "school-" + UUID.randomUUID(), "INTEGRATION"), null).then()
                .body("items", empty()).body("cursor", notNullValue());
    }

    @Test
    void issue12_onlyTheMisSltAndAuditorsReadTheFeedAndBadQueriesAreRefused() {
        String school = "school-" + UUID.randomUUID();
        API.as(TestTokens.bearer("staff-1", school, "STAFF")).get(CHANGES).then().statusCode(403);
        API.as(TestTokens.bearer("admin-1", school, "ACCOUNT_ADMIN")).get(CHANGES).then().statusCode(403);
        API.as(TestTokens.bearer("slt-1", school, "SLT")).get(CHANGES).then().statusCode(200)
                .body("items", empty()).body("more", equalTo(false));
        API.as(TestTokens.bearer("gov-1", school, "AUDITOR")).get(CHANGES).then().statusCode(200);
        String mis = TestTokens.bearer("mis-1", school, "INTEGRATION");
        API.as(mis).queryParam("updated_after", "2026-01-01T00:00:00Z").get(CHANGES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_PARAMETER")).body("errors.field", contains("updated_after"));
        API.as(mis).queryParam("cursor", "not-a-cursor").get(CHANGES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("cursor"));
        API.badInput(mis).queryParam("limit", 0).get(CHANGES).then().statusCode(400).body("errors.field", everyItem(equalTo("limit")));
    }
}
