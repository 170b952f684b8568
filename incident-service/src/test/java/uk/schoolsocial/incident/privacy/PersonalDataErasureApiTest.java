package uk.schoolsocial.incident.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.privacy.erasure.RetentionSchedule;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.AuditChainCheck;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.PersonalDataScan;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * AUD-4 in incident-service, through the real HTTP stack and database: a pupil involved in an
 * incident with another pupil is erased, and with them the incident's narrative, the people's
 * descriptions, notes, escalation, takedown, closure and evidence; then no column of any table holds
 * any of it, the case file shows those fields absent, the chain still verifies and an edited event is
 * still detected. A safeguarding incident and an allegation about a member of staff are held, with
 * the end of the hold named. A closed incident expires on its own after the school's period.
 */
@MicronautTest(transactional = false)
class PersonalDataErasureApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi INCIDENT = new ServiceApi("incident");
    private static final ServiceApi PRIVACY = new ServiceApi("privacy");
    private static final String STAFF = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF");
    private static final String SLT = TestTokens.bearer("slt-1", TestTokens.SCHOOL, "SLT");
    private static final String DSL = TestTokens.bearer("dsl-1", TestTokens.SCHOOL, "DSL");

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    RetentionSchedule retention;

    private ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return INCIDENT.as(server.getPort(), token).body(body).post(path).then();
    }

    private String report(String category, String narrative, List<Map<String, Object>> people) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("whatHappened", narrative);
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("platform", "Instagram");
        body.put("location", "the Ravensworth group chat");
        body.put("officialAccountInvolved", false);
        body.put("peopleInvolved", people);
        return post(STAFF, "/api/v1/incidents", body).statusCode(201).extract().header("Location");
    }

    private ValidatableResponse erase(String type, String id, String dateOfBirth) {
        Map<String, Object> body = new HashMap<>(Map.of("subjectType", type, "subjectId", id, "ground", "OBJECTION"));
        if (dateOfBirth != null) {
            body.put("dateOfBirth", dateOfBirth);
        }
        return PRIVACY.as(server.getPort(), SLT).body(body).post("/api/v1/privacy/incident/erasures").then();
    }

    @Test
    void aud4_aPupilsIncidentIsErasedEverywhereAndTheChainStillVerifies() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String pupil = "pupil-" + UUID.randomUUID();
            String other = "pupil-" + UUID.randomUUID();
            String incident = report("DISCRIMINATORY_CONTENT", "Marigold Featherstonehaugh was sent slurs about her family",
                    List.of(Map.of("role", "PUPIL", "rosterId", pupil, "description", "Marigold, who was targeted"),
                            Map.of("role", "PUPIL", "rosterId", other, "description", "Thaddeus, who posted")));
            String id = incident.substring(incident.lastIndexOf('/') + 1);
            post(SLT, incident + "/assessment", Map.of("severity", "MEDIUM", "safeguarding", false, "possiblyIllegal", false,
                    "posterType", "PUPIL", "route", "PLATFORM", "notes", "Spoke with Marigold's aunt Philippa")).statusCode(200);
            post(SLT, incident + "/evidence", Map.of("mediaType", "text/plain", "description", "Marigold's screenshot",
                    "content", Base64.getEncoder().encodeToString("slurs sent to Marigold".getBytes(StandardCharsets.UTF_8))))
                    .statusCode(201);
            post(SLT, incident + "/takedowns", Map.of("addressee", "PERSON", "addressedTo", "Thaddeus Quennell"))
                    .statusCode(200);
            post(SLT, incident + "/closure", Map.of("outcome", "Thaddeus apologised to Marigold",
                    "actionsTaken", "Meeting with Philippa Featherstonehaugh")).statusCode(200);
            List<String> traces = List.of("Marigold", "Featherstonehaugh", "Thaddeus", "Philippa", "Ravensworth",
                    Base64.getEncoder().encodeToString("slurs sent to Marigold".getBytes(StandardCharsets.UTF_8)));
            assertTrue(PersonalDataScan.find(dataSource, traces).size() > 5, "the scan sees the case before");

            PRIVACY.as(server.getPort(), SLT).queryParam("subjectType", "PUPIL").queryParam("subjectId", pupil)
                    .get("/api/v1/privacy/incident/holds").then().statusCode(200).body("holds", hasSize(0));
            erase("PUPIL", pupil, null).statusCode(201).body("erasedRecords", equalTo(List.of("INCIDENT:" + id)));

            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "no column of any table holds it");
            INCIDENT.as(server.getPort(), SLT).get(incident).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("category", equalTo("DISCRIMINATORY_CONTENT"))
                    .body("whatHappened", nullValue()).body("location", nullValue())
                    .body("peopleInvolved.rosterId", equalTo(List.of(pupil, other)))
                    .body("peopleInvolved.description", equalTo(java.util.Arrays.asList(null, null)))
                    .body("assessment.notes", nullValue()).body("closure.outcome", nullValue())
                    .body("takedowns[0].addressedTo", nullValue()).body("evidence[0].description", nullValue());
            INCIDENT.as(server.getPort(), SLT).get(incident + "/history").then().statusCode(200)
                    .body("items.what", hasItem("Closed with outcome: (erased); actions taken: (erased)"));

            AuditChainCheck.intactThenAnEditIsDetected(server.getPort(), "incident", dataSource, id,
                    "\"platform\":\"Instagram\"", "\"platform\":\"TikTok\"");
    
            assertEquals(List.of(), logs.containing(traces), "no log line holds them (AUD-4)");
        }
    }

    @Test
    void aud4_aSafeguardingIncidentHoldsItsPupilUntilTheirTwentyFifthBirthday() {
        String pupil = "pupil-" + UUID.randomUUID();
        report("PUPIL_CONTACT_WITH_STAFF", "A friend request to a teacher",
                List.of(Map.of("role", "PUPIL", "rosterId", pupil), Map.of("role", "STAFF", "rosterId", "staff-3")));
        erase("PUPIL", pupil, "2014-02-03").statusCode(409).body("code", equalTo("ERASURE_HELD"))
                .body("detail", containsString("SAFEGUARDING_RECORD on INCIDENT:"))
                .body("detail", containsString("until 2039-02-03"));
        erase("PUPIL", pupil, null).statusCode(409).body("detail", containsString("end unknown here"))
                .body("detail", containsString("give the pupil's dateOfBirth"));
        erase("STAFF", "staff-3", null).statusCode(409).body("code", equalTo("ERASURE_HELD"));
        // born so long ago that the 25 years have run: nothing holds it any more
        erase("PUPIL", pupil, "1990-01-01").statusCode(201);
    }

    @Test
    void aud4_anAllegationAboutStaffIsHeldForTenYearsFromTheReport() {
        String staff = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        report("STAFF_CONDUCT_BREACH", "A teacher was said to message pupils at night",
                List.of(Map.of("role", "STAFF", "rosterId", staff)));
        String until = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusYears(10).toString();
        erase("STAFF", staff, null).statusCode(409).body("detail", containsString("STAFF_ALLEGATION"))
                .body("detail", containsString("until " + until));
        PRIVACY.as(server.getPort(), SLT).queryParam("subjectType", "STAFF").queryParam("subjectId", staff)
                .get("/api/v1/privacy/incident/holds").then().statusCode(200)
                .body("holds[0].hold", equalTo("STAFF_ALLEGATION")).body("holds[0].until", equalTo(until));
    }

    @Test
    void aud4_aClosedIncidentExpiresAfterTheSchoolsPeriod() throws Exception {
        String incident = report("OTHER", "Evangeline Spratt's post about the fete", List.of(Map.of("role", "PARENT")));
        post(SLT, incident + "/assessment", Map.of("severity", "LOW", "safeguarding", false, "possiblyIllegal", false,
                "posterType", "PARENT", "route", "PLATFORM")).statusCode(200);
        post(SLT, incident + "/closure", Map.of("outcome", "Resolved", "actionsTaken", "None")).statusCode(200);
        retention.run();
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Evangeline")).isEmpty(), "six years by default");
        PRIVACY.as(server.getPort(), SLT).body(Map.of("period", "P0D"))
                .put("/api/v1/privacy/incident/retention/INCIDENT_RECORD").then().statusCode(200);
        retention.run();
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Evangeline")));
    }
}
