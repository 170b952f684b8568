package uk.schoolsocial.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AUD-1 to AUD-3 through the gateway of the launched suite: the account, incident and consent
 * slices leave events in three services; an auditor replays them as one history with a cursor,
 * rebuilds an application as it stood before it was withdrawn, keeps a checkpoint, verifies the
 * account chain against it, and sees the verification name the row someone then edits in the
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("audit-trail", 18480);

    @Test
    void theWholeHistoryIsReplayedRebuiltAndProvedUnaltered() throws Exception {
        // The three slices.
        SUITE.as("mis").body(Map.of("records", List.of(
                        Map.of("staffId", "staff-1", "forename", "Jane", "surname", "Smith"),
                        Map.of("staffId", "staff-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        Response submitted = SUITE.as("staff").body(Map.of("platform", "FACEBOOK", "proposedName", "Oakfield Year 6 News",
                        "aim", "Celebrate pupils' work", "audience", "Year 6 parents", "promotion", "Newsletter",
                        "administrators", List.of("staff-1", "staff-2"), "privacy", "PRIVATE",
                        "privacyReason", "Approved parents only"))
                .post("/api/v1/applications").then().statusCode(201).extract().response();
        String application = submitted.jsonPath().getString("id");
        Thread.sleep(50);
        Instant beforeWithdrawal = Instant.now();
        Thread.sleep(50);
        SUITE.as("staff").header("If-Match", submitted.header("ETag"))
                .body(Map.of("reason", "The department will share the main school account instead"))
                .post("/api/v1/applications/" + application + "/withdrawal").then().statusCode(200);
        SUITE.as("staff").body(Map.of("category", "DEFAMATORY_OR_OFFENSIVE_CONTENT",
                        "whatHappened", "A parent posted that a named teacher lies to pupils.",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Facebook", "location", "https://facebook.com/groups/parents/posts/7",
                        "officialAccountInvolved", false, "peopleInvolved", List.of(Map.of("role", "PARENT"))))
                .post("/api/v1/incidents").then().statusCode(201);
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", "pupil-audit-1", "forename", "Amara",
                        "surname", "Osei", "yearGroup", "Year 4", "dateOfBirth", "2017-05-02",
                        "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/pupil-audit-1/consents").then().statusCode(201);

        // AUD-2: one history of the three services, paged with a cursor, each event with its AUD-1 metadata.
        List<Map<String, Object>> history = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = SUITE.as("auditor").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/audit/events").then().statusCode(200).extract().response();
            history.addAll(page.jsonPath().getList("items"));
            cursor = page.jsonPath().getString("page.nextCursor");
        } while (cursor != null);
        Set<String> services = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<String> types = new ArrayList<>();
        for (Map<String, Object> event : history) {
            services.add((String) event.get("service"));
            assertTrue(ids.add((String) event.get("eventId")), "an event was served twice: " + event);
            types.add((String) event.get("eventType"));
            for (String key : List.of("actorId", "actorRoles", "schoolId", "correlationId", "causationId")) {
                assertTrue(event.get(key) != null, key + " missing from " + event);
            }
        }
        assertEquals(Set.of("account", "incident", "consent"), services);
        assertTrue(types.containsAll(List.of("ApplicationSubmittedEvent", "ApplicationWithdrawnEvent",
                "IncidentReportedEvent")), types.toString());
        SUITE.as("staff").get("/api/v1/audit/events").then().statusCode(403);

        // AUD-2 across a trust: an auditor whose token grants another school reads its history with
        // `school`; an auditor granted none may not.
        SUITE.as("other-slt").body(Map.of("category", "ABUSIVE_POST_ABOUT_STAFF",
                        "whatHappened", "An anonymous account posted insults about a named teacher.",
                        "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "X", "location", "https://x.com/someone/status/1",
                        "officialAccountInvolved", false, "peopleInvolved", List.of(Map.of("role", "STAFF"))))
                .post("/api/v1/incidents").then().statusCode(201);
        SUITE.as("trust-auditor").queryParam("school", "other-school").get("/api/v1/audit/events").then().statusCode(200)
                .body("items.schoolId", everyItem(equalTo("other-school")))
                .body("items.eventType", hasItem("IncidentReportedEvent"));
        SUITE.as("trust-auditor").get("/api/v1/audit/events").then().statusCode(200)
                .body("items.schoolId", everyItem(equalTo("demo-school")));
        SUITE.as("auditor").queryParam("school", "other-school").get("/api/v1/audit/events").then().statusCode(403);

        // AUD-2: the application as it stood before its withdrawal, rebuilt from events, and its timeline.
        SUITE.as("auditor").queryParam("asOf", beforeWithdrawal.toString())
                .get("/api/v1/audit/account/records/" + application).then().statusCode(200)
                .body("state.status", equalTo("SUBMITTED")).body("eventsApplied", equalTo(1));
        SUITE.as("auditor").get("/api/v1/audit/account/records/" + application).then().statusCode(200)
                .body("state.status", equalTo("WITHDRAWN"));
        SUITE.as("auditor").get("/api/v1/audit/account/records/" + application + "/timeline").then().statusCode(200)
                .body("entries.what", hasItems("Application submitted", "Application withdrawn"))
                .body("entries[1].reason", equalTo("The department will share the main school account instead"));

        // AUD-3: a kept checkpoint, an intact verification, then a row edited in the database.
        Map<String, Object> checkpoint = SUITE.as("auditor").post("/api/v1/audit/account/checkpoints").then()
                .statusCode(201).extract().jsonPath().getMap("");
        SUITE.as("auditor").body(Map.of("checkpoint", checkpoint)).post("/api/v1/audit/account/verifications").then()
                .statusCode(200).body("intact", equalTo(true)).body("checkpointMatched", equalTo(true));
        Map<String, Object> submittedEntry = history.stream().filter(e -> "ApplicationSubmittedEvent".equals(e.get("eventType"))
                && application.equals(e.get("aggregateId"))).findFirst().orElseThrow();
        String submittedEvent = submittedEntry.get("eventId").toString();
        // AUD-4: the audit API shows a personal field while its key exists; the store holds it sealed
        assertEquals("Year 6 parents", ((Map<?, ?>) submittedEntry.get("payload")).get("audience"));
        try (Connection db = DriverManager.getConnection(SUITE.suite().databaseUrl() + "/smp_account", "root", "");
             PreparedStatement read = db.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
            read.setString(1, submittedEvent);
            try (java.sql.ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                String stored = new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
                assertFalse(stored.contains("Year 6 parents"), stored);
                assertTrue(stored.contains("\"$sealed\":\"v1\""), stored);
            }
        }
        try (Connection db = DriverManager.getConnection(SUITE.suite().databaseUrl() + "/smp_account", "root", "");
             PreparedStatement edit = db.prepareStatement("UPDATE domain_event_entry SET payload ="
                     + " REPLACE(payload, 'Oakfield Year 6 News', 'Oakfield Year 7 News') WHERE event_identifier = ?")) {
            edit.setString(1, submittedEvent);
            assertEquals(1, edit.executeUpdate());
        }
        SUITE.as("auditor").body(Map.of("checkpoint", checkpoint)).post("/api/v1/audit/account/verifications").then()
                .statusCode(200).body("intact", equalTo(false))
                .body("firstBreak.problem", equalTo("ALTERED"))
                .body("firstBreak.eventId", equalTo(submittedEvent));
        SUITE.as("auditor").get("/api/v1/audit/account/delivery").then().statusCode(200)
                .body("healthy", equalTo(true)).body("processors.running", hasItem(true));
    }
}
