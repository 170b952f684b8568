package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ACC-1 to ACC-7 through the gateway with demo tokens: the MIS pushes the roster, an application
 * is approved and provisioned, its administrators become fit and it goes live; then one of them
 * leaves through the MIS roster call, a handover opens and, left undone, escalates to SLT by the
 * persistent deadline (due after three seconds here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountLifecycleE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("account-lifecycle", 18180, "-Dsmp.account.handover-due=PT3S",
            "-Dsmp.axon.deadline-poll=500ms");

    private static Map<String, Object> member(String id, String forename, String surname) {
        return Map.of("staffId", id, "forename", forename, "surname", surname);
    }

    @Test
    void acc7_aStaffMemberLeavesViaTheMisAndTheOverdueHandoverEscalatesToSlt() {
        SUITE.as("mis").body(Map.of("records", List.of(member("demo-staff", "Sam", "Taylor"),
                        member("demo-dsl", "Dee", "Lewis"), member("demo-admin", "Alex", "Morgan"))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("added", equalTo(3));

        String application = SUITE.as("staff").body(Map.of("platform", "FACEBOOK", "proposedName", "Oakfield Year 6 News",
                        "aim", "Celebrate pupils' work", "audience", "Year 6 parents", "promotion", "Newsletter",
                        "administrators", List.of("demo-dsl", "demo-admin"), "privacy", "PRIVATE",
                        "privacyReason", "Approved parents only"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        SUITE.as("slt").body(Map.of("reason", "Clear aim, two administrators")).post(application + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        String applicationId = application.substring(application.lastIndexOf('/') + 1);
        String account = SUITE.as("admin").body(Map.of("applicationId", applicationId, "handle", "oakfield_y6",
                        "displayName", "Oakfield Year 6", "whoMayPost", List.of("demo-dsl", "demo-admin"),
                        "followersApproved", true, "taggingOff", true, "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
        for (String user : List.of("dsl", "admin")) {
            SUITE.as(user).body(Map.of("policyVersion", 1)).post(account + "/acknowledgements").then().statusCode(200);
        }
        SUITE.as("slt").body(Map.of("administratorId", "demo-dsl")).post(account + "/trainings").then().statusCode(200);
        SUITE.as("slt").body(Map.of("administratorId", "demo-admin")).post(account + "/trainings").then().statusCode(200)
                .body("status", equalTo("LIVE"));

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", "demo-dsl", "forename", "Dee", "surname", "Lewis",
                        "leavingDate", yesterday))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("left", equalTo(1));

        String handover = await().atMost(Duration.ofSeconds(30)).until(() -> SUITE.as("slt")
                .get("/api/v1/accounts/handovers").then().statusCode(200).extract().path("items[0].id"), Objects::nonNull);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> SUITE.as("slt").queryParam("status", "ESCALATED")
                .get("/api/v1/accounts/handovers").then().statusCode(200)
                .body("items.id", contains(handover)).body("items[0].leaverId", equalTo("demo-dsl")));
        SUITE.as("auditor").get(account + "/history").then().statusCode(200)
                .body("items.type", hasItem("HANDOVER_ESCALATED"));
        SUITE.as("other-slt").get(account).then().statusCode(404);
    }
}
