package uk.schoolsocial.consent.privacy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.ADMIN;
import static uk.schoolsocial.platform.testing.Bearers.AUDITOR;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.consent.command.PupilConsentId;
import uk.schoolsocial.platform.privacy.erasure.RetentionSchedule;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.AuditChainCheck;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.PersonalDataScan;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * AUD-4 in consent-service, through the real HTTP stack and database: a pupil rostered and consented
 * on a paper form is erased; then no column of any table of the service's schema holds their names,
 * date of birth or form reference, the roster and the publication check no longer know them, another
 * pupil is untouched, the audit chain still verifies and an edited event is still detected. A school's
 * short retention period erases a leaver on its own.
 */
@MicronautTest(transactional = false)
class PersonalDataErasureApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi CONSENT = new ServiceApi("consent");
    @RegisterExtension
    static final ServiceApi PRIVACY = new ServiceApi("privacy");
    @RegisterExtension
    static final ServiceApi AUDIT = new ServiceApi("audit");
    private static final String OTHER_MIS = TestTokens.bearer("mis-2", TestTokens.OTHER_SCHOOL, "INTEGRATION");
    private static final String OTHER_STAFF = TestTokens.bearer("staff-2", TestTokens.OTHER_SCHOOL, "STAFF");

    @Inject
    DataSource dataSource;
    @Inject
    RetentionSchedule retention;

    private static Map<String, Object> pupil(String id, String given, String family, String born) {
        return new HashMap<>(Map.of("pupilId", id, "forename", given, "surname", family, "yearGroup", "Year 4",
                "dateOfBirth", born, "parentalResponsibility", List.of("parent-1")));
    }

    private Map<String, Object> check(String pupilId) {
        return captioned(pupilId, "Year 4 at the river");
    }

    private Map<String, Object> captioned(String pupilId, String caption) {
        return Map.of("channel", "WEBSITE", "pupilIds", List.of(pupilId), "caption", caption,
                "altText", "Pupils by the water");
    }

    @Test
    void aud4_anErasedPupilIsNowhereReadableAndTheChainStillVerifies() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String erased = "pupil-" + UUID.randomUUID();
            String kept = "pupil-" + UUID.randomUUID();
            CONSENT.as(MIS).body(Map.of("records", List.of(pupil(erased, "Ottoline", "Brackenbury", "2016-11-23"),
                    pupil(kept, "Persimmon", "Quarrendon", "2016-04-02")))).post("/api/v1/pupils/roster").then()
                    .statusCode(200);
            // the same MIS id in another school is another pupil, whom the erasure must not touch
            CONSENT.as(OTHER_MIS).body(Map.of("records", List.of(pupil(erased, "Isambard", "Fotheringay", "2015-07-30"))))
                    .post("/api/v1/pupils/roster").then().statusCode(200);
            for (String id : List.of(erased, kept)) {
                CONSENT.as(PARENT).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "PAPER_FORM",
                                "formReference", "CF-" + id.substring(6, 14), "givenOn", LocalDate.now().toString()))
                        .post("/api/v1/pupils/" + id + "/consents").then().statusCode(201);
            }
            String form = "CF-" + erased.substring(6, 14);
            CONSENT.as(STAFF).body(check(erased)).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(true));
            // CON-4 looks for every rostered pupil's names in the text, featured or not
            CONSENT.as(STAFF).body(captioned(kept, "Ottoline by the river")).post("/api/v1/consents/checks").then()
                    .statusCode(200).body("allowed", equalTo(false)).body("reasons.code", hasItem("NAME_IN_TEXT"));

            // a publication featuring the pupil, taken down with a note naming them (sealed under the publication)
            String publication = register(erased, "WEBSITE");
            CONSENT.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                    .post("/api/v1/pupils/" + erased + "/consents/WEBSITE/withdrawal").then().statusCode(200);
            takeDown(publication, "TD-Zephyrine: removed at the Brackenbury family's request");
            // another pupil's publication and take-down note stay
            CONSENT.as(PARENT).body(Map.of("channel", "PRINT", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                    "givenOn", LocalDate.now().toString())).post("/api/v1/pupils/" + kept + "/consents").then()
                    .statusCode(201);
            String keptPublication = register(kept, "PRINT");
            CONSENT.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                    .post("/api/v1/pupils/" + kept + "/consents/PRINT/withdrawal").then().statusCode(200);
            takeDown(keptPublication, "TD-Keepsake: newsletter reprinted");
            CONSENT.as(STAFF).body(Map.of("reason", "Said no photos near the Wapping boathouse"))
                    .post("/api/v1/pupils/" + erased + "/objection").then().statusCode(201);
            String record = PupilConsentId.of(TestTokens.SCHOOL, erased).value();
            auditEvents(record).body("items.find { it.payloadType.endsWith('PupilObjectionRecordedEvent') }.payload.reason",
                    equalTo("Said no photos near the Wapping boathouse"));
            auditEvents(publication).body("items.find { it.payloadType.endsWith('PublicationTakenDownEvent') }.payload.note",
                    equalTo("TD-Zephyrine: removed at the Brackenbury family's request"));

            List<String> traces = List.of("Ottoline", "Brackenbury", "2016-11-23", form, "ottoline", "brackenbury",
                    "Wapping boathouse", "TD-Zephyrine");
            assertTrue(PersonalDataScan.find(dataSource, traces).size() > 2, "the scan sees the data before the erasure");

            PRIVACY.as(SLT).queryParam("subjectType", "PUPIL").queryParam("subjectId", erased)
                    .get("/api/v1/privacy/consent/holds").then().statusCode(200).body("holds", equalTo(List.of()));
            PRIVACY.as(SLT).body(Map.of("subjectType", "PUPIL", "subjectId", erased, "ground", "CONSENT_WITHDRAWN"))
                    .post("/api/v1/privacy/consent/erasures").then().statusCode(201)
                    .body("subjectId", equalTo(erased))
                    .body("erasedRecords", equalTo(List.of("PUBLICATION:" + publication)));

            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "no column of any table holds them");
            assertTrue(PersonalDataScan.tables(dataSource) > 15);
            CONSENT.as(STAFF).get("/api/v1/pupils/" + erased + "/consents").then().statusCode(404);
            CONSENT.as(STAFF).get("/api/v1/pupils/" + erased + "/consents/history").then().statusCode(404);
            CONSENT.as(STAFF).queryParam("yearGroup", "Year 4").get("/api/v1/consents/sheet").then().statusCode(200)
                    .body("pupils.pupilId", not(hasItem(erased))).body("pupils.forename", hasItem("Persimmon"));
            // the events stay, their personal fields read as erased
            auditEvents(record)
                    .body("items.find { it.payloadType.endsWith('PupilRosteredEvent') }.payload.givenName", nullValue())
                    .body("items.find { it.payloadType.endsWith('PupilRosteredEvent') }.payload.dateOfBirth", nullValue())
                    .body("items.find { it.payloadType.endsWith('ConsentGivenEvent') }.payload.formReference", nullValue())
                    .body("items.find { it.payloadType.endsWith('PupilObjectionRecordedEvent') }.payload.reason",
                            nullValue());
            auditEvents(publication)
                    .body("items.find { it.payloadType.endsWith('PublicationTakenDownEvent') }.payload.note", nullValue())
                    .body("items.find { it.payloadType.endsWith('PublicationRegisteredEvent') }.payload.pupilIds",
                            equalTo(List.of(erased)));
            auditEvents(keptPublication)
                    .body("items.find { it.payloadType.endsWith('PublicationTakenDownEvent') }.payload.note",
                            equalTo("TD-Keepsake: newsletter reprinted"));
            // the publication check no longer knows them, by id or by name, and still knows the others
            CONSENT.as(STAFF).body(check(erased)).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(false)).body("reasons.code", hasItem("PUPIL_NOT_ON_ROSTER"));
            CONSENT.as(STAFF).body(check(kept)).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(true));
            CONSENT.as(STAFF).body(captioned(kept, "Ottoline by the river")).post("/api/v1/consents/checks").then()
                    .statusCode(200).body("allowed", equalTo(true));
            CONSENT.as(STAFF).body(captioned(kept, "Persimmon by the river")).post("/api/v1/consents/checks").then()
                    .statusCode(200).body("allowed", equalTo(false)).body("reasons.code", hasItem("NAME_IN_TEXT"));
            // the other school's pupil of the same id is untouched
            CONSENT.as(OTHER_STAFF).get("/api/v1/pupils/" + erased + "/consents").then().statusCode(200)
                    .body("pupilId", equalTo(erased)).body("yearGroup", equalTo("Year 4"));
            assertEquals(2, PersonalDataScan.find(dataSource, List.of("Isambard", "Fotheringay")).size(),
                    "the other school's pupil keeps their row");

            // the MIS pushes the erased pupil again: nothing changes, they stay erased
            CONSENT.as(MIS).body(Map.of("records", List.of(pupil(erased, "Ottoline", "Brackenbury", "2016-11-23"))))
                    .post("/api/v1/pupils/roster").then().statusCode(200).body("unchanged", equalTo(1));
            assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Ottoline", "Brackenbury")));

            AuditChainCheck.intactThenAnEditIsDetected(CONSENT.port(), "consent", dataSource, erased,
                    "\"yearGroup\":\"Year 4\"", "\"yearGroup\":\"Year 5\"");

            assertEquals(List.of(), logs.containing(traces), "no log line holds them (AUD-4)");
        }
    }

    /**
     * AUD-4: erasing an adult with parental responsibility clears the references of the paper forms they
     * signed from the read model; another adult's form and the consents themselves (ids and dates) stay.
     */
    @Test
    void aud4_anErasedParentsFormReferencesAreCleared() throws Exception {
        String pupilId = "pupil-" + UUID.randomUUID();
        String erasedAdult = "parent-" + UUID.randomUUID();
        String keptAdult = "parent-" + UUID.randomUUID();
        Map<String, Object> entry = pupil(pupilId, "Clementine", "Harbottle", "2017-01-19");
        entry.put("parentalResponsibility", List.of(erasedAdult, keptAdult).stream().sorted().toList());
        CONSENT.as(MIS).body(Map.of("records", List.of(entry))).post("/api/v1/pupils/roster").then().statusCode(200);
        String erasedForm = "CF-Wolstenholme-" + pupilId.substring(6, 14);
        String keptForm = "CF-Aldergrove-" + pupilId.substring(6, 14);
        CONSENT.as(STAFF).body(Map.of("channel", "WEBSITE", "givenBy", erasedAdult, "method", "PAPER_FORM",
                "formReference", erasedForm, "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + pupilId + "/consents").then().statusCode(201);
        CONSENT.as(STAFF).body(Map.of("channel", "PRINT", "givenBy", keptAdult, "method", "PAPER_FORM",
                "formReference", keptForm, "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + pupilId + "/consents").then().statusCode(201);
        assertEquals(1, PersonalDataScan.find(dataSource, List.of(erasedForm)).size());

        PRIVACY.as(SLT).queryParam("subjectType", "PARENT").queryParam("subjectId", erasedAdult)
                .get("/api/v1/privacy/consent/holds").then().statusCode(200).body("holds", equalTo(List.of()));
        PRIVACY.as(SLT).body(Map.of("subjectType", "PARENT", "subjectId", erasedAdult, "ground", "CONSENT_WITHDRAWN"))
                .post("/api/v1/privacy/consent/erasures").then().statusCode(201)
                .body("subjectType", equalTo("PARENT")).body("erasedRecords", equalTo(List.of()));

        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of(erasedForm)));
        assertEquals(1, PersonalDataScan.find(dataSource, List.of(keptForm)).size());
        CONSENT.as(STAFF).get("/api/v1/pupils/" + pupilId + "/consents").then().statusCode(200)
                .body("pupilId", equalTo(pupilId))
                .body("consents.find { it.channel == 'WEBSITE' }.givenBy", equalTo(erasedAdult))
                .body("consents.find { it.channel == 'WEBSITE' }.formReference", nullValue())
                .body("consents.find { it.channel == 'PRINT' }.formReference", equalTo(keptForm));
    }

    /** AUD-4: a publication erased on its own loses the note of its take-down; the register keeps the rest. */
    @Test
    void aud4_anErasedPublicationsTakedownNoteIsGone() throws Exception {
        String pupilId = "pupil-" + UUID.randomUUID();
        CONSENT.as(MIS).body(Map.of("records", List.of(pupil(pupilId, "Araminta", "Scrivener", "2016-06-06"))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        CONSENT.as(PARENT).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                "givenOn", LocalDate.now().toString())).post("/api/v1/pupils/" + pupilId + "/consents").then()
                .statusCode(201);
        String publication = register(pupilId, "WEBSITE");
        CONSENT.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupilId + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        takeDown(publication, "TD-Marchbanks: taken down after the family rang");
        auditEvents(publication).body("items.find { it.payloadType.endsWith('PublicationTakenDownEvent') }.payload.note",
                equalTo("TD-Marchbanks: taken down after the family rang"));

        PRIVACY.as(SLT).body(Map.of("subjectType", "PUBLICATION", "subjectId", publication,
                        "ground", "NO_LONGER_NECESSARY"))
                .post("/api/v1/privacy/consent/erasures").then().statusCode(201)
                .body("subjectType", equalTo("PUBLICATION")).body("erasedRecords", equalTo(List.of()));

        auditEvents(publication).body("items.find { it.payloadType.endsWith('PublicationTakenDownEvent') }.payload.note",
                nullValue());
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("TD-Marchbanks")));
        CONSENT.as(STAFF).queryParam("pupilId", pupilId).get("/api/v1/consents/publications").then().statusCode(200)
                .body("items.id", equalTo(List.of(publication)))
                .body("items[0].status", equalTo("TAKEN_DOWN"));
        // the pupil is not erased with it
        CONSENT.as(STAFF).get("/api/v1/pupils/" + pupilId + "/consents").then().statusCode(200)
                .body("pupilId", equalTo(pupilId));
    }

    private String register(String pupilId, String channel) {
        Map<String, Object> content = new HashMap<>(check(pupilId));
        content.put("channel", channel);
        String checkId = CONSENT.as(STAFF).body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        content.put("checkId", checkId);
        content.put("link", "https://oakfield.sch.uk/news/river");
        content.put("publishedOn", LocalDate.now().toString());
        return CONSENT.as(STAFF).body(content).post("/api/v1/consents/publications").then().statusCode(201)
                .extract().path("id");
    }

    /** CON-3: the withdrawal opens the takedown asynchronously; then it is recorded with a note. */
    private void takeDown(String publicationId, String note) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> CONSENT.as(STAFF)
                .get("/api/v1/consents/takedowns").then().statusCode(200).body("items.id", hasItem(publicationId)));
        CONSENT.as(ADMIN).body(Map.of("note", note))
                .post("/api/v1/consents/publications/" + publicationId + "/takedown").then().statusCode(200)
                .body("status", equalTo("TAKEN_DOWN"));
    }

    private io.restassured.response.ValidatableResponse auditEvents(String aggregateId) {
        return AUDIT.as(AUDITOR).queryParam("aggregateId", aggregateId)
                .get("/api/v1/audit/consent/events").then().statusCode(200);
    }

    @Test
    void aud4_aLeaverIsErasedWhenTheSchoolsRetentionPeriodHasRun() throws Exception {
        String leaver = "pupil-" + UUID.randomUUID();
        Map<String, Object> entry = pupil(leaver, "Wilhelmina", "Threlkeld", "2015-02-14");
        entry.put("leavingDate", LocalDate.now().minusDays(3).toString());
        CONSENT.as(MIS).body(Map.of("records", List.of(entry))).post("/api/v1/pupils/roster").then().statusCode(200);
        retention.run();
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Wilhelmina", "Threlkeld")).isEmpty(),
                "a year by default: a leaver of three days ago is still held");

        PRIVACY.as(SLT).body(Map.of("period", "P2D")).put("/api/v1/privacy/consent/retention/PUPIL_RECORD").then()
                .statusCode(200);
        retention.run();
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Wilhelmina", "Threlkeld")));
        PRIVACY.as(AUDITOR).get("/api/v1/privacy/consent/erasures").then().statusCode(200)
                .body("items.find { it.subjectId == '" + leaver + "' }.ground", equalTo("RETENTION_EXPIRED"));
    }
}
