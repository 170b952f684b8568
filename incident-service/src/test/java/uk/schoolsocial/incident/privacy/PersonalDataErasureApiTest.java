package uk.schoolsocial.incident.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

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
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final ServiceApi INCIDENT = new ServiceApi("incident");
    @RegisterExtension
    static final ServiceApi PRIVACY = new ServiceApi("privacy");

    @Inject
    DataSource dataSource;
    @Inject
    RetentionSchedule retention;

    private ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return INCIDENT.as(token).body(body).post(path).then();
    }

    private String report(String category, String narrative, List<Map<String, Object>> people) {
        // a held case stays readable: its location is no trace another test looks for
        return report(category, narrative, people, "a group chat");
    }

    private String report(String category, String narrative, List<Map<String, Object>> people, String location) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("whatHappened", narrative);
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("platform", "Instagram");
        body.put("location", location);
        body.put("officialAccountInvolved", false);
        body.put("peopleInvolved", people);
        return post(STAFF, "/api/v1/incidents", body).statusCode(201).extract().header("Location");
    }

    private ValidatableResponse erase(String type, String id, String dateOfBirth) {
        Map<String, Object> body = new HashMap<>(Map.of("subjectType", type, "subjectId", id, "ground", "OBJECTION"));
        if (dateOfBirth != null) {
            body.put("dateOfBirth", dateOfBirth);
        }
        return PRIVACY.as(SLT).body(body).post("/api/v1/privacy/incident/erasures").then();
    }

    @Test
    void aud4_aPupilsIncidentIsErasedEverywhereAndTheChainStillVerifies() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String pupil = "pupil-" + UUID.randomUUID();
            String other = "pupil-" + UUID.randomUUID();
            String incident = report("DISCRIMINATORY_CONTENT", "Marigold Featherstonehaugh was sent slurs about her family",
                    List.of(Map.of("role", "PUPIL", "rosterId", pupil, "description", "Marigold, who was targeted"),
                            Map.of("role", "PUPIL", "rosterId", other, "description", "Thaddeus, who posted")),
                    "the Ravensworth group chat");
            String id = incident.substring(incident.lastIndexOf('/') + 1);
            post(SLT, incident + "/assessment", Map.of("severity", "MEDIUM", "safeguarding", false, "possiblyIllegal", false,
                    "posterType", "PUPIL", "route", "PLATFORM", "notes", "Spoke with Marigold's aunt Philippa")).statusCode(200);
            post(SLT, incident + "/evidence", Map.of("mediaType", "text/plain", "description", "Marigold's screenshot",
                    "content", Base64.getEncoder().encodeToString("slurs sent to Marigold".getBytes(StandardCharsets.UTF_8))))
                    .statusCode(201);
            post(SLT, incident + "/takedowns", Map.of("addressee", "PERSON", "addressedTo", "Thaddeus Quennell"))
                    .statusCode(201);
            post(SLT, incident + "/closure", Map.of("outcome", "Thaddeus apologised to Marigold",
                    "actionsTaken", "Meeting with Philippa Featherstonehaugh")).statusCode(200);
            List<String> traces = List.of("Marigold", "Featherstonehaugh", "Thaddeus", "Philippa", "Ravensworth",
                    Base64.getEncoder().encodeToString("slurs sent to Marigold".getBytes(StandardCharsets.UTF_8)));
            assertTrue(PersonalDataScan.find(dataSource, traces).size() > 5, "the scan sees the case before");

            PRIVACY.as(SLT).queryParam("subjectType", "PUPIL").queryParam("subjectId", pupil)
                    .get("/api/v1/privacy/incident/holds").then().statusCode(200).body("holds", hasSize(0));
            erase("PUPIL", pupil, null).statusCode(201).body("erasedRecords", equalTo(List.of("INCIDENT:" + id)));

            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "no column of any table holds it");
            INCIDENT.as(SLT).get(incident).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("category", equalTo("DISCRIMINATORY_CONTENT"))
                    .body("whatHappened", nullValue()).body("location", nullValue())
                    .body("peopleInvolved.rosterId", equalTo(List.of(pupil, other)))
                    .body("peopleInvolved.description", equalTo(java.util.Arrays.asList(null, null)))
                    .body("assessment.notes", nullValue()).body("closure.outcome", nullValue())
                    .body("takedowns[0].addressedTo", nullValue()).body("evidence[0].description", nullValue());
            INCIDENT.as(SLT).get(incident + "/history").then().statusCode(200)
                    .body("items.what", hasItem("Closed with outcome: (erased); actions taken: (erased)"));

            AuditChainCheck.intactThenAnEditIsDetected(INCIDENT.port(), "incident", dataSource, id,
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
        PRIVACY.as(SLT).queryParam("subjectType", "STAFF").queryParam("subjectId", staff)
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
        PRIVACY.as(SLT).body(Map.of("period", "P0D"))
                .put("/api/v1/privacy/incident/retention/INCIDENT_RECORD").then().statusCode(200);
        retention.run();
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Evangeline")));
    }

    @Test
    void aud4_aPupilsContactWithStaffIsASafeguardingRecordWhateverTheAssessmentSaid() {
        String pupil = "pupil-" + UUID.randomUUID();
        String incident = report("PUPIL_CONTACT_WITH_STAFF", "A message to a teacher's own account",
                List.of(Map.of("role", "PUPIL", "rosterId", pupil)));
        String id = incident.substring(incident.lastIndexOf('/') + 1);
        post(DSL, incident + "/assessment", Map.of("severity", "LOW", "safeguarding", false, "possiblyIllegal", false,
                "posterType", "PUPIL", "route", "PLATFORM")).statusCode(200);
        erase("PUPIL", pupil, "2013-07-21").statusCode(409).body("code", equalTo("ERASURE_HELD"))
                .body("detail", containsString("SAFEGUARDING_RECORD on INCIDENT:" + id))
                .body("detail", containsString("until 2038-07-21"));
        PRIVACY.as(SLT).queryParam("subjectType", "PUPIL").queryParam("subjectId", pupil)
                .queryParam("dateOfBirth", "2013-07-21").get("/api/v1/privacy/incident/holds").then().statusCode(200)
                .body("holds", hasSize(1)).body("holds[0].hold", equalTo("SAFEGUARDING_RECORD"))
                .body("holds[0].record", equalTo("INCIDENT:" + id)).body("holds[0].until", equalTo("2038-07-21"));
        // the incident itself: held too, its end known only from the pupil's date of birth
        erase("INCIDENT", id, null).statusCode(409).body("detail", containsString("SAFEGUARDING_RECORD"))
                .body("detail", containsString("give the pupil's dateOfBirth"));
        erase("INCIDENT", id, "2013-07-21").statusCode(409).body("detail", containsString("until 2038-07-21"));
    }

    @Test
    void aud4_aReportOfExtremismIsASafeguardingRecordOfTheIncident() {
        String parent = "parent-" + UUID.randomUUID();
        String incident = report("EXTREMISM_OR_RADICALISATION", "A parent shared a recruiting video",
                List.of(Map.of("role", "PARENT", "rosterId", parent)));
        String id = incident.substring(incident.lastIndexOf('/') + 1);
        PRIVACY.as(SLT).queryParam("subjectType", "INCIDENT").queryParam("subjectId", id)
                .queryParam("dateOfBirth", "2012-01-31").get("/api/v1/privacy/incident/holds").then().statusCode(200)
                .body("holds[0].hold", equalTo("SAFEGUARDING_RECORD")).body("holds[0].until", equalTo("2037-01-31"));
        erase("PARENT", parent, null).statusCode(409).body("code", equalTo("ERASURE_HELD"))
                .body("detail", containsString("SAFEGUARDING_RECORD on INCIDENT:" + id));
    }

    @Test
    void aud4_theSameIdInAnotherSchoolIsUntouchedAndStepsAfterTheErasureAreStoredErased() throws Exception {
        String pupil = "pupil-" + UUID.randomUUID();
        String slt2 = TestTokens.bearer("slt-2", TestTokens.OTHER_SCHOOL, "SLT");
        String staff2 = TestTokens.bearer("staff-2", TestTokens.OTHER_SCHOOL, "STAFF");
        String incident = report("OTHER", "Ottoline Vanstone's photo was reposted",
                List.of(Map.of("role", "PUPIL", "rosterId", pupil, "description", "Ottoline, in the photo")));
        Map<String, Object> elsewhere = new HashMap<>(Map.of("category", "OTHER",
                "whatHappened", "Bartholomew Pennycook's photo was reposted",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "platform", "Instagram", "location", "a group chat", "officialAccountInvolved", false,
                "peopleInvolved", List.of(Map.of("role", "PUPIL", "rosterId", pupil, "description", "Bartholomew"))));
        String other = post(staff2, "/api/v1/incidents", elsewhere).statusCode(201).extract().header("Location");

        erase("PUPIL", pupil, null).statusCode(201).body("erasedRecords", hasSize(1));

        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Ottoline", "Vanstone")));
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Bartholomew", "Pennycook")).isEmpty(),
                "the other school's pupil with the same roster id keeps their record");
        INCIDENT.as(slt2).get(other).then().statusCode(200)
                .body("whatHappened", equalTo("Bartholomew Pennycook's photo was reposted"))
                .body("peopleInvolved[0].description", equalTo("Bartholomew"));

        // the erased incident can still be handled; what is added now is stored erased, and nothing fails
        post(SLT, incident + "/assessment", Map.of("severity", "LOW", "safeguarding", false, "possiblyIllegal", false,
                "posterType", "PUPIL", "route", "PLATFORM", "notes", "Leopold Wintringham called")).statusCode(200);
        post(SLT, incident + "/takedowns", Map.of("addressee", "PERSON", "addressedTo", "Leopold Wintringham"))
                .statusCode(201);
        post(SLT, incident + "/closure", Map.of("outcome", "Leopold removed it", "actionsTaken", "Spoke to Leopold"))
                .statusCode(200);
        INCIDENT.as(SLT).get(incident).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("whatHappened", nullValue()).body("assessment.notes", nullValue())
                .body("takedowns[0].addressedTo", nullValue()).body("closure.outcome", nullValue());
        INCIDENT.as(SLT).get(incident + "/history").then().statusCode(200)
                .body("items.what", org.hamcrest.Matchers.not(hasItem(containsString("null"))));
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Ottoline", "Vanstone", "Leopold",
                "Wintringham")));
    }
}
