package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launched suite, driven through the gateway with demo tokens as a user of the README would:
 * the three slices, the refusals a client must be able to rely on (401, 403, 400 naming the
 * field), one service consuming another's events, the data surviving a restart, and a killed
 * service coming back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("foundation", 18080);

    @BeforeAll
    void rosterStaff() {
        // ACC-1: administrators must be on the school's staff roster, pushed by the MIS
        SUITE.as("mis").body(Map.of("records", List.of(
                        Map.of("staffId", "staff-1", "forename", "Jane", "surname", "Smith"),
                        Map.of("staffId", "staff-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
    }

    private static Map<String, Object> businessCase() {
        return Map.of("platform", "FACEBOOK", "proposedName", "Oakfield Year 6 News", "aim", "Celebrate pupils' work",
                "audience", "Year 6 parents", "promotion", "Newsletter", "administrators", List.of("staff-1", "staff-2"),
                "privacy", "PRIVATE", "privacyReason", "Approved parents only");
    }

    @Test
    @Order(1)
    void anUnauthenticatedCallIsRefusedWith401() {
        SUITE.request().get("/api/v1/applications").then()
                .statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(2)
    void accountSlice_staffApplyAndReadTheApplicationBack() {
        String location = SUITE.as("staff").body(businessCase()).post("/api/v1/applications").then()
                .statusCode(201).body("status", equalTo("SUBMITTED")).extract().header("Location");
        SUITE.as("staff").get(location).then().statusCode(200).body("proposedName", equalTo("Oakfield Year 6 News"));
        SUITE.as("slt").get(location).then().statusCode(200);
        SUITE.as("other-slt").get(location).then().statusCode(404);
    }

    @Test
    @Order(3)
    void aParentMayNotApplyFor_anAccount_403() {
        SUITE.as("parent").body(businessCase()).post("/api/v1/applications").then()
                .statusCode(403).contentType(containsString("application/problem+json")).body("status", equalTo(403));
    }

    @Test
    @Order(4)
    void anIncompleteBusinessCaseIs400NamingTheField() {
        Map<String, Object> incomplete = new HashMap<>(businessCase());
        incomplete.remove("aim");
        SUITE.as("staff").body(incomplete).post("/api/v1/applications").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("aim"));
    }

    @Test
    @Order(5)
    void incidentSlice_aReportIsRoutedAndReadableByTheDsl() {
        Map<String, Object> report = Map.of("category", "PUPIL_CONTACT_WITH_STAFF",
                "whatHappened", "A Year 9 pupil sent a friend request to a teacher's personal account.",
                "occurredAt", "2026-11-20T18:30:00Z", "platform", "Instagram", "location", "Direct message",
                "officialAccountInvolved", false,
                "peopleInvolved", List.of(Map.of("role", "PUPIL", "description", "Year 9 pupil"),
                        Map.of("role", "STAFF", "rosterId", "staff-1")));
        String location = SUITE.as("staff").body(report).post("/api/v1/incidents").then()
                .statusCode(201).extract().header("Location");
        SUITE.as("dsl").get(location).then().statusCode(200).body("category", equalTo("PUPIL_CONTACT_WITH_STAFF"));
    }

    @Test
    @Order(6)
    void consentSlice_aParentsConsentIsRecordedPerChannel() {
        String pupil = "pupil-" + UUID.randomUUID();
        // CON-6: the pupil and the adult with parental responsibility come from the MIS roster
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", "Zoe", "surname", "Brown",
                        "yearGroup", "Year 5", "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("parent-42")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("slt").body(Map.of("channel", "WEBSITE", "givenBy", "parent-42", "method", "PAPER_FORM",
                        "formReference", "FORM-2026-117", "givenOn", "2026-09-05"))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201);
        SUITE.as("slt").get("/api/v1/pupils/" + pupil + "/consents").then().statusCode(200)
                .body(containsString("WEBSITE"));
    }

    @Test
    @Order(7)
    void consentServiceLearnsOfApplicationsFromAccountServicesEvents() {
        String location = SUITE.as("staff").body(businessCase()).post("/api/v1/applications").then()
                .statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                SUITE.as("slt").queryParam("limit", 200).get("/api/v1/official-accounts").then().statusCode(200)
                        .body(containsString(id)));
    }

    @Test
    @Order(8)
    void theApiDocumentsAreServed() {
        SUITE.request().get("/openapi/suite.yaml").then().statusCode(200)
                .body(containsString("/api/v1/applications")).body(containsString("/api/v1/incidents"));
        SUITE.request().get("/docs").then().statusCode(200);
    }

    @Test
    @Order(9)
    void dataIsKeptWhenTheSuiteIsStartedAgain() {
        String location = SUITE.as("staff").body(businessCase()).post("/api/v1/applications").then()
                .statusCode(201).extract().header("Location");
        SUITE.restart();
        SUITE.as("staff").get(location).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertTrue(SUITE.suite().startupTime().toSeconds() < 180);
    }

    /** Issue 11: the launcher starts a killed service again; clients see it back through the gateway. */
    @Test
    @Order(10)
    void aServiceKilledWithSigkillIsStartedAgainAndAnswersThroughTheGateway() {
        String location = SUITE.as("staff").body(businessCase()).post("/api/v1/applications").then()
                .statusCode(201).extract().header("Location");
        ProcessHandle killed = childRunning("account-service.jar");

        killed.destroyForcibly();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                SUITE.as("staff").get(location).then().statusCode(200).body("status", equalTo("SUBMITTED")));
        assertNotEquals(killed.pid(), childRunning("account-service.jar").pid());
    }

    private static ProcessHandle childRunning(String jar) {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains(jar))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no child runs " + jar));
    }
}
