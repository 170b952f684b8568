package uk.schoolsocial.consent.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
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
 * AUD-4 in consent-service, through the real HTTP stack and database: a pupil rostered and consented
 * on a paper form is erased; then no column of any table of the service's schema holds their names,
 * date of birth or form reference, the roster and the publication check no longer know them, another
 * pupil is untouched, the audit chain still verifies and an edited event is still detected. A school's
 * short retention period erases a leaver on its own.
 */
@MicronautTest(transactional = false)
class PersonalDataErasureApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi CONSENT = new ServiceApi("consent");
    private static final ServiceApi PRIVACY = new ServiceApi("privacy");
    private static final String MIS = TestTokens.bearer("mis-1", TestTokens.SCHOOL, "INTEGRATION");
    private static final String PARENT = TestTokens.bearer("parent-1", TestTokens.SCHOOL, "PARENT");
    private static final String STAFF = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF");
    private static final String SLT = TestTokens.bearer("slt-1", TestTokens.SCHOOL, "SLT");
    private static final String AUDITOR = TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR");

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    RetentionSchedule retention;

    private RequestSpecification api(ServiceApi document, String token) {
        return document.as(server.getPort(), token);
    }

    private static Map<String, Object> pupil(String id, String given, String family, String born) {
        return new HashMap<>(Map.of("pupilId", id, "givenName", given, "familyName", family, "yearGroup", "Year 4",
                "dateOfBirth", born, "parentalResponsibility", List.of("parent-1")));
    }

    private Map<String, Object> check(String pupilId) {
        return Map.of("channel", "WEBSITE", "pupilIds", List.of(pupilId), "caption", "Year 4 at the river",
                "altText", "Pupils by the water");
    }

    @Test
    void aud4_anErasedPupilIsNowhereReadableAndTheChainStillVerifies() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String erased = "pupil-" + UUID.randomUUID();
            String kept = "pupil-" + UUID.randomUUID();
            api(CONSENT, MIS).body(Map.of("pupils", List.of(pupil(erased, "Ottoline", "Brackenbury", "2016-11-23"),
                    pupil(kept, "Persimmon", "Quarrendon", "2016-04-02")))).post("/api/v1/pupils/roster").then()
                    .statusCode(200);
            for (String id : List.of(erased, kept)) {
                api(CONSENT, PARENT).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "PAPER_FORM",
                                "formReference", "CF-" + id.substring(6, 14), "givenOn", LocalDate.now().toString()))
                        .post("/api/v1/pupils/" + id + "/consents").then().statusCode(201);
            }
            String form = "CF-" + erased.substring(6, 14);
            api(CONSENT, STAFF).body(check(erased)).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(true));
            List<String> traces = List.of("Ottoline", "Brackenbury", "2016-11-23", form, "ottoline", "brackenbury");
            assertTrue(PersonalDataScan.find(dataSource, traces).size() > 2, "the scan sees the data before the erasure");

            api(PRIVACY, SLT).body(Map.of("subjectType", "PUPIL", "subjectId", erased, "ground", "CONSENT_WITHDRAWN"))
                    .post("/api/v1/privacy/consent/erasures").then().statusCode(201)
                    .body("subjectId", equalTo(erased)).body("erasedRecords", equalTo(List.of()));

            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "no column of any table holds them");
            assertTrue(PersonalDataScan.tables(dataSource) > 15);
            api(CONSENT, STAFF).get("/api/v1/pupils/" + erased + "/consents").then().statusCode(404);
            api(CONSENT, STAFF).queryParam("yearGroup", "Year 4").get("/api/v1/consents/sheet").then().statusCode(200)
                    .body("pupils.pupilId", not(hasItem(erased))).body("pupils.givenName", hasItem("Persimmon"));
            api(CONSENT, STAFF).body(check(erased)).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(false));
            api(CONSENT, STAFF).body(check(kept)).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(true));

            // the MIS pushes the erased pupil again: nothing changes, they stay erased
            api(CONSENT, MIS).body(Map.of("pupils", List.of(pupil(erased, "Ottoline", "Brackenbury", "2016-11-23"))))
                    .post("/api/v1/pupils/roster").then().statusCode(200).body("unchanged", equalTo(1));
            assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Ottoline", "Brackenbury")));

            AuditChainCheck.intactThenAnEditIsDetected(server.getPort(), "consent", dataSource, erased,
                    "\"yearGroup\":\"Year 4\"", "\"yearGroup\":\"Year 5\"");
    
            assertEquals(List.of(), logs.containing(traces), "no log line holds them (AUD-4)");
        }
    }

    @Test
    void aud4_aLeaverIsErasedWhenTheSchoolsRetentionPeriodHasRun() throws Exception {
        String leaver = "pupil-" + UUID.randomUUID();
        Map<String, Object> entry = pupil(leaver, "Wilhelmina", "Threlkeld", "2015-02-14");
        entry.put("leftOn", LocalDate.now().minusDays(3).toString());
        api(CONSENT, MIS).body(Map.of("pupils", List.of(entry))).post("/api/v1/pupils/roster").then().statusCode(200);
        retention.run();
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Wilhelmina", "Threlkeld")).isEmpty(),
                "a year by default: a leaver of three days ago is still held");

        api(PRIVACY, SLT).body(Map.of("period", "P2D")).put("/api/v1/privacy/consent/retention/PUPIL_RECORD").then()
                .statusCode(200);
        retention.run();
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Wilhelmina", "Threlkeld")));
        api(PRIVACY, AUDITOR).get("/api/v1/privacy/consent/erasures").then().statusCode(200)
                .body("items.find { it.subjectId == '" + leaver + "' }.ground", equalTo("RETENTION_EXPIRED"));
    }
}
