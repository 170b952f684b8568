package uk.schoolsocial.incident.report.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.platform.testing.AccountServiceEvents;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Across services: account-service's StaffMemberLeftEvent, read from its event store, sends the
 * leaver's open incidents back to SLT; other staff's and closed incidents stay as they are.
 */
@MicronautTest(transactional = false)
class LeaverReassignmentApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");

    @Value("${datasources.accountevents.url}")
    String accountUrl;
    @Value("${datasources.accountevents.username}")
    String accountUser;
    @Value("${datasources.accountevents.password:}")
    String accountPassword;

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String reportAndAssess(String staff, String dsl, String category) {
        String incident = API.as(staff).body(HandlingApiTest.report(category, "PUPIL")).post("/api/v1/incidents")
                .then().statusCode(201).extract().header("Location");
        API.as(dsl).body(Map.of("severity", "HIGH", "safeguarding", true, "possiblyIllegal", false,
                "posterType", "PUPIL", "route", "INTERNAL")).post(incident + "/assessment").then().statusCode(200);
        return incident;
    }

    @Test
    void aLeaversOpenIncidentsGoBackToSlt() {
        String school = "school-" + UUID.randomUUID();
        String staff = TestTokens.bearer("staff-a", school, "STAFF");
        String leaver = TestTokens.bearer("dsl-leaver", school, "DSL");
        String stayer = TestTokens.bearer("dsl-stayer", school, "DSL");
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String open = reportAndAssess(staff, leaver, "PUPIL_CONTACT_WITH_STAFF");
        String closed = reportAndAssess(staff, leaver, "PUPIL_CONTACT_WITH_STAFF");
        API.as(leaver).body(Map.of("outcome", "Talked to the pupil", "actionsTaken", "Behaviour policy"))
                .post(closed + "/closure").then().statusCode(200);
        String others = reportAndAssess(staff, stayer, "PUPIL_CONTACT_WITH_STAFF");
        API.as(slt).queryParam("ownerId", "dsl-leaver").queryParam("status", "ASSESSED").get("/api/v1/incidents").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id(open)));

        new AccountServiceEvents(accountUrl, accountUser, accountPassword).append("StaffMember",
                school + ":dsl-leaver", 0, new StaffMemberLeftEvent(school, "dsl-leaver", LocalDate.now(),
                        Instant.now()), school);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                API.as(slt).get(open).then().statusCode(200).body("assignedRole", equalTo("SLT")));
        API.as(slt).get(open + "/history").then().statusCode(200)
                .body("items.what", hasItem(startsWith("Reassigned to the SLT: its owner dsl-leaver left the school")))
                .body("items.actorId", hasItem("system:staff-left"));
        API.as(slt).get(open).then().statusCode(200).body("ownerId", org.hamcrest.Matchers.nullValue());
        API.as(slt).get("/api/v1/incidents/notifications").then().statusCode(200)
                .body("items[0].kind", equalTo("REASSIGNED")).body("items[0].incidentId", equalTo(id(open)));
        API.as(slt).get(closed).then().statusCode(200).body("assignedRole", equalTo("DSL"))
                .body("ownerId", equalTo("dsl-leaver"));
        API.as(slt).get(others).then().statusCode(200).body("assignedRole", equalTo("DSL"));
    }
}
