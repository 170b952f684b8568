package uk.schoolsocial.platform.privacy.erasure;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;
import uk.schoolsocial.platform.audit.ChainVerifier;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * The erasure API every service serves (AUD-4, UK GDPR Art. 17; privacy.yaml), over real HTTP and
 * Axon against MariaDB, with a scope standing in for a service's: a subject and the records about
 * them are erased in one transaction with the event that says so; a hold refuses the erasure and
 * names its end; a scope that fails rolls everything back; only SLT decides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureApiTest {

    record PupilNoted(String schoolId, String pupilId, String incidentId,
                      @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                              sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                      String name,
                      @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.INCIDENT_RECORD,
                              sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                      String narrative) {
    }

    record Involved(String role, String rosterId,
                    @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.INCIDENT_RECORD,
                            sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                    String description) {
    }

    record IncidentNoted(String schoolId, String incidentId,
                         @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.INCIDENT_RECORD,
                                 sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                         String narrative,
                         List<Involved> people) {
    }

    private static final ServiceApi API = new ServiceApi("privacy");
    private static final String BASE = "/api/v1/privacy/account";
    private static final String SLT = TestTokens.bearer("slt-1", TestTokens.SCHOOL, "SLT");
    private static final String AUDITOR = TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR");

    private EmbeddedServer server;
    private String schema;

    @BeforeAll
    void start() {
        Map<String, Object> database = TestDatabase.newSchema("erasureapi");
        schema = PlatformAxonContext.schemaOf(database);
        Map<String, Object> properties = PlatformAxonContext.properties(database);
        properties.put("smp.service.name", "account");
        properties.put("smp.test.erasure-scope", "true");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String publish(String school, String pupil, String incident, String name) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(
                new PupilNoted(school, pupil, incident, name, name + " sent the message at break"))
                .andMetaData(PlatformAxonContext.audit(school));
        server.getApplicationContext().getBean(EventStore.class).publish(message);
        return message.getIdentifier();
    }

    private PupilNoted read(String eventId) {
        return server.getApplicationContext().getBean(EventStore.class).openStream(null).asStream()
                .filter(event -> event.getIdentifier().equals(eventId)).findFirst()
                .map(event -> (PupilNoted) event.getPayload()).orElseThrow();
    }

    private Map<String, Object> request(String type, String id, String ground) {
        return Map.of("subjectType", type, "subjectId", id, "ground", ground);
    }

    @Test
    void aud4_aPupilAndTheRecordsAboutThemAreErasedWithAnEventThatCarriesNoPersonalData() throws Exception {
        String ours = publish(TestTokens.SCHOOL, "p-1", "i-1", "Wren Aldous");
        String theirs = publish(TestTokens.OTHER_SCHOOL, "p-1", "i-1", "Yves Brandt");
        storeAnswer("answer-1", "{\"pupilId\":\"p-1\",\"name\":\"Wren Aldous\"}");

        String erasureId = API.as(server.getPort(), SLT).body(request("PUPIL", "p-1", "CONSENT_WITHDRAWN"))
                .post(BASE + "/erasures").then().statusCode(201)
                .header("Location", containsString(BASE + "/erasures/"))
                .body("subjectType", equalTo("PUPIL")).body("subjectId", equalTo("p-1"))
                .body("ground", equalTo("CONSENT_WITHDRAWN")).body("erasedRecords", equalTo(List.of("INCIDENT:i-1")))
                .body("erasedBy", equalTo("slt-1"))
                .extract().path("erasureId");

        PupilNoted erased = read(ours);
        assertNull(erased.name());
        assertNull(erased.narrative(), "the incident's key went with the pupil");
        assertEquals("Yves Brandt", read(theirs).name(), "another school's pupil-1 is another subject");
        assertTrue(server.getApplicationContext().getBean(TestErasureScope.class).erased
                .contains("PUPIL:p-1 [INCIDENT:i-1]"), "the scope cleared its read models");
        assertNull(answer("answer-1"), "no stored answer keeps a copy");
        assertTrue(server.getApplicationContext().getBean(ChainVerifier.class).verify(null).intact());

        String stored = eventPayload("SubjectErasedEvent");
        assertTrue(stored.contains("\"subjectId\":\"p-1\"") && stored.contains("CONSENT_WITHDRAWN"), stored);
        assertFalse(stored.contains("Wren") || stored.contains("break"), stored);

        API.as(server.getPort(), AUDITOR).get(BASE + "/erasures/" + erasureId).then().statusCode(200)
                .body("erasureId", equalTo(erasureId));
        API.as(server.getPort(), AUDITOR).get(BASE + "/erasures").then().statusCode(200)
                .body("items.erasureId", hasItem(erasureId));
        // The register of one subject: what the gateway's suite erasure reads back (issue 18).
        API.as(server.getPort(), AUDITOR).queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-1")
                .get(BASE + "/erasures").then().statusCode(200).body("items.erasureId", equalTo(List.of(erasureId)));
        API.as(server.getPort(), AUDITOR).queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-2")
                .get(BASE + "/erasures").then().statusCode(200).body("items", equalTo(List.of()));
        API.as(server.getPort(), AUDITOR).queryParam("subjectType", "STAFF").queryParam("subjectId", "p-1")
                .get(BASE + "/erasures").then().statusCode(200).body("items", equalTo(List.of()));
        API.badInput(server.getPort(), AUDITOR).queryParam("subjectId", "p-1").get(BASE + "/erasures").then()
                .statusCode(400).body("errors.field", hasItem("subjectType"));
        API.as(server.getPort(), TestTokens.bearer("auditor-2", TestTokens.OTHER_SCHOOL, "AUDITOR"))
                .get(BASE + "/erasures/" + erasureId).then().statusCode(404);

        String later = publish(TestTokens.SCHOOL, "p-1", "i-1", "Wren Aldous");
        assertFalse(storedPayloadOf(later).contains("Wren"), "what arrives after the erasure is stored erased");
    }

    @Test
    void aud4_aHoldRefusesTheErasureNamingTheHoldAndItsEndAndNothingIsErased() throws Exception {
        String ours = publish(TestTokens.SCHOOL, "held-1", "i-9", "Zia Crane");
        API.as(server.getPort(), SLT).body(request("PUPIL", "held-1", "OBJECTION")).post(BASE + "/erasures")
                .then().statusCode(409).body("code", equalTo("ERASURE_HELD"))
                .body("detail", containsString("SAFEGUARDING_RECORD on INCIDENT:i-9 until 2040-01-01"))
                .body("errors.field", hasItem("subjectId"));
        assertEquals("Zia Crane", read(ours).name());
        API.as(server.getPort(), SLT).queryParam("subjectType", "PUPIL").queryParam("subjectId", "held-1")
                .get(BASE + "/holds").then().statusCode(200).body("holds", hasSize(1))
                .body("holds[0].hold", equalTo("SAFEGUARDING_RECORD")).body("holds[0].until", equalTo("2040-01-01"));
        API.as(server.getPort(), SLT).queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-77")
                .get(BASE + "/holds").then().statusCode(200).body("holds", hasSize(0));
    }

    @Test
    void aud4_whenAReadModelCannotBeClearedNothingIsErasedAndNothingRecorded() throws Exception {
        String ours = publish(TestTokens.SCHOOL, "fails-1", "i-5", "Abe Dorn");
        io.restassured.RestAssured.given().port(server.getPort()).header("Authorization", SLT)
                .contentType(io.restassured.http.ContentType.JSON).body(request("PUPIL", "fails-1", "OBJECTION"))
                .post(BASE + "/erasures").then().statusCode(500);
        assertEquals("Abe Dorn", read(ours).name(), "the key survives the rolled-back erasure");
        API.as(server.getPort(), SLT).get(BASE + "/erasures").then().statusCode(200)
                .body("items.subjectId", org.hamcrest.Matchers.not(hasItem("fails-1")));
    }

    @Test
    void aud4_theRetentionScheduleErasesWhatOutlivedTheSchoolsPeriodAndReportsWhatAHoldKept() {
        RetentionSchedule schedule = server.getApplicationContext().getBean(RetentionSchedule.class);
        String left = publish(TestTokens.SCHOOL, "left-1", "i-20", "Bo Ennis");
        assertTrue(schedule.run().erased().isEmpty(), "a year by default: nobody left long enough ago");
        assertEquals("Bo Ennis", read(left).name());

        API.as(server.getPort(), SLT).body(Map.of("period", "P1D")).put(BASE + "/retention/PUPIL_RECORD")
                .then().statusCode(200)
                .body("periods.find { it.retentionClass == 'PUPIL_RECORD' }.period", equalTo("P1D"))
                .body("periods.find { it.retentionClass == 'PUPIL_RECORD' }.defaultPeriod", equalTo("P1Y"))
                .body("periods.find { it.retentionClass == 'INCIDENT_RECORD' }.period", equalTo("P6Y"));
        RetentionSchedule.Outcome outcome = schedule.run();
        assertEquals(Map.of(TestTokens.SCHOOL, 1), outcome.erased());
        assertNull(read(left).name(), "erased on its own");
        assertTrue(outcome.held().get(TestTokens.SCHOOL).get(0).startsWith("PUPIL:held-1 kept: SAFEGUARDING_RECORD"),
                outcome.toString());
        API.as(server.getPort(), AUDITOR).get(BASE + "/retention").then().statusCode(200)
                .body("lastRun.erased", equalTo(1)).body("lastRun.held", hasSize(1));
        API.as(server.getPort(), AUDITOR).get(BASE + "/erasures").then().statusCode(200)
                .body("items.find { it.subjectId == 'left-1' }.ground", equalTo("RETENTION_EXPIRED"))
                .body("items.find { it.subjectId == 'left-1' }.erasedBy", equalTo("system:retention"));
        assertEquals(Map.of(TestTokens.SCHOOL, 0), schedule.run().erased(), "erased once; the held one is looked at again");

        API.badInput(server.getPort(), SLT).body(Map.of("period", "six years")).put(BASE + "/retention/PUPIL_RECORD")
                .then().statusCode(400).body("errors.field", hasItem("period"));
        API.badInput(server.getPort(), SLT).body(Map.of("period", "P6Y")).put(BASE + "/retention/FOREVER")
                .then().statusCode(400);
        API.as(server.getPort(), AUDITOR).body(Map.of("period", "P6Y")).put(BASE + "/retention/PUPIL_RECORD")
                .then().statusCode(403);
    }

    @Test
    void aud4_theSubjectAccessExportShowsTheSubjectsDataAndWithholdsOtherPeoples() {
        publish(TestTokens.SCHOOL, "sar-1", "i-30", "Cara Fenn");
        publish(TestTokens.SCHOOL, "other-7", "i-30", "Dev Gill");
        publish(TestTokens.OTHER_SCHOOL, "sar-1", "i-31", "Eli Hart");
        server.getApplicationContext().getBean(EventStore.class).publish(GenericEventMessage.asEventMessage(
                new IncidentNoted(TestTokens.SCHOOL, "i-30", "a group chat at the weekend", List.of(
                        new Involved("PUPIL", "sar-1", "sent the first message"),
                        new Involved("PUPIL", "other-7", "Dev, who forwarded it"),
                        new Involved("THIRD_PARTY", null, "an older cousin"))))
                .andMetaData(PlatformAxonContext.audit(TestTokens.SCHOOL)));

        var export = API.as(server.getPort(), SLT).get(BASE + "/subjects/PUPIL/sar-1").then().statusCode(200)
                .body("service", equalTo("account")).body("subjectId", equalTo("sar-1"))
                .body("records", equalTo(List.of("INCIDENT:i-30"))).body("complete", equalTo(true))
                .body("events.schoolId", org.hamcrest.Matchers.everyItem(equalTo(TestTokens.SCHOOL)))
                .extract().jsonPath();
        List<Map<String, Object>> payloads = export.getList("events.payload");
        assertEquals(3, payloads.size(), payloads.toString());
        assertEquals("Cara Fenn", payloads.get(0).get("name"));
        assertEquals(uk.schoolsocial.platform.privacy.Sealing.WITHHELD, payloads.get(1).get("name"),
                "another pupil's own data is withheld");
        assertEquals(uk.schoolsocial.platform.privacy.Sealing.WITHHELD, payloads.get(1).get("narrative"),
                "and so is the incident's text in an event about them");
        assertEquals("Cara Fenn sent the message at break", payloads.get(0).get("narrative"));
        assertEquals("a group chat at the weekend", payloads.get(2).get("narrative"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = (List<Map<String, Object>>) payloads.get(2).get("people");
        assertEquals("sent the first message", people.get(0).get("description"));
        assertEquals(uk.schoolsocial.platform.privacy.Sealing.WITHHELD, people.get(1).get("description"),
                "another pupil involved in the same incident is withheld");
        assertEquals("an older cousin", people.get(2).get("description"));
        String all = export.prettify();
        assertFalse(all.contains("Dev") || all.contains("Eli Hart"), all);

        API.as(server.getPort(), AUDITOR).get(BASE + "/subjects/PUPIL/sar-1").then().statusCode(403);
        API.badInput(server.getPort(), SLT).get(BASE + "/subjects/PERSON/sar 1").then().statusCode(400)
                .body("errors.field", hasItems("subjectType", "subjectId"));
    }

    @Test
    void aud4_aLegalHoldOnARecordKeepsThePersonWhoseErasureWouldTakeItUntilReleased() {
        String ours = publish(TestTokens.SCHOOL, "lh-1", "i-40", "Gwen Ivory");
        String hold = API.as(server.getPort(), SLT).body(Map.of("subjectType", "INCIDENT", "subjectId", "i-40",
                        "basis", "INVESTIGATION")).post(BASE + "/legal-holds").then().statusCode(201)
                .header("Location", containsString(BASE + "/legal-holds/"))
                .body("basis", equalTo("INVESTIGATION")).body("placedBy", equalTo("slt-1"))
                .extract().path("holdId");
        API.as(server.getPort(), SLT).body(request("PUPIL", "lh-1", "OBJECTION")).post(BASE + "/erasures").then()
                .statusCode(409).body("code", equalTo("ERASURE_HELD"))
                .body("detail", containsString("LEGAL_HOLD on INCIDENT:i-40 (end unknown here)"))
                .body("detail", containsString("INVESTIGATION"));
        assertEquals("Gwen Ivory", read(ours).name());
        API.as(server.getPort(), AUDITOR).get(BASE + "/legal-holds").then().statusCode(200)
                .body("items.holdId", hasItem(hold));
        API.as(server.getPort(), AUDITOR).post(BASE + "/legal-holds/" + hold + "/release").then().statusCode(403);

        API.as(server.getPort(), SLT).post(BASE + "/legal-holds/" + hold + "/release").then().statusCode(200)
                .body("releasedAt", org.hamcrest.Matchers.notNullValue());
        API.as(server.getPort(), SLT).post(BASE + "/legal-holds/" + hold + "/release").then().statusCode(409)
                .body("code", equalTo("HOLD_RELEASED"));
        API.as(server.getPort(), TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT"))
                .get(BASE + "/legal-holds/" + hold).then().statusCode(404);
        API.badInput(server.getPort(), SLT).body(Map.of("subjectType", "INCIDENT", "subjectId", "i-40"))
                .post(BASE + "/legal-holds").then().statusCode(400).body("errors.field", hasItem("basis"));
        API.as(server.getPort(), SLT).body(request("PUPIL", "lh-1", "OBJECTION")).post(BASE + "/erasures").then()
                .statusCode(201);
        assertNull(read(ours).name());
    }

    @Test
    void aud4_onlySltErasesAndBadRequestsAreNamed() {
        API.as(server.getPort(), AUDITOR).body(request("PUPIL", "p-2", "OBJECTION")).post(BASE + "/erasures")
                .then().statusCode(403);
        API.as(server.getPort(), TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF"))
                .queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-2").get(BASE + "/holds")
                .then().statusCode(403);
        API.badInput(server.getPort(), SLT).body(Map.of("subjectType", "PUPIL", "subjectId", "p 2",
                        "dateOfBirth", LocalDate.now().plusDays(2).toString()))
                .post(BASE + "/erasures").then().statusCode(400)
                .body("errors.field", hasItems("subjectId", "ground", "dateOfBirth"));
        API.badInput(server.getPort(), SLT).body(Map.of("subjectType", "PUPIL", "subjectId", "p-2",
                        "ground", "BECAUSE")).post(BASE + "/erasures").then().statusCode(400)
                .body("errors[0].field", equalTo("ground"))
                .body("errors[0].message", containsString("NO_LONGER_NECESSARY"));
        // A ground with a space around it is refused, not trimmed (found by GeneratedRequestsE2E).
        API.badInput(server.getPort(), SLT).body(Map.of("subjectType", "PUPIL", "subjectId", "p-2",
                        "ground", "NO_LONGER_NECESSARY ")).post(BASE + "/erasures").then().statusCode(400)
                .body("errors[0].field", equalTo("ground"));
        API.badInput(server.getPort(), SLT).body(Map.of("subjectType", "PUPIL", "subjectId", "p-2",
                        "ground", "OBJECTION", "reason", "her name is Ann")).post(BASE + "/erasures")
                .then().statusCode(400);
        API.badInput(server.getPort(), SLT).queryParam("subjectType", "PUPIL").get(BASE + "/holds")
                .then().statusCode(400).body("errors.field", hasItem("subjectId"));
        API.as(server.getPort(), SLT).get(BASE + "/erasures/no-such-erasure").then().statusCode(404)
                .body("erasureId", nullValue());
    }

    private void storeAnswer(String key, String body) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO idempotency_record (school_id, actor_id, idempotency_key, request_hash, committed_at,"
                        + " response_status, response_type, response_body) VALUES (?, 'slt-1', ?, REPEAT('0', 64), NOW(6),"
                        + " 201, 'application/json', ?)")) {
            insert.setString(1, TestTokens.SCHOOL);
            insert.setString(2, key);
            insert.setBytes(3, body.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private String answer(String key) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT response_body FROM idempotency_record WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "the key itself is kept");
                byte[] body = row.getBytes(1);
                return body == null ? null : new String(body, StandardCharsets.UTF_8);
            }
        }
    }

    private String eventPayload(String type) throws Exception {
        return query("SELECT payload FROM domain_event_entry WHERE payload_type LIKE ? ORDER BY global_index DESC LIMIT 1",
                "%" + type);
    }

    private String storedPayloadOf(String eventId) throws Exception {
        return query("SELECT payload FROM domain_event_entry WHERE event_identifier = ?", eventId);
    }

    private String query(String sql, String parameter) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new String(row.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }
}
