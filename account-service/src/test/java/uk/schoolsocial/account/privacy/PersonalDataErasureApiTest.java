package uk.schoolsocial.account.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_MIS;
import static uk.schoolsocial.platform.testing.Bearers.SLT;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.privacy.erasure.RetentionSchedule;
import uk.schoolsocial.platform.testing.AuditChainCheck;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.PersonalDataScan;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * AUD-4 in account-service, through the real HTTP stack and database: a member of staff on the
 * roster who declared a relationship (ACC-10) is erased, with their declaration; then no column of
 * any table holds their names or what they declared, the roster and the declarations no longer show
 * them, a sync that still lists them changes nothing, the chain still verifies and an edited event is
 * still detected. A leaver expires after the school's STAFF_RECORD period.
 */
@MicronautTest(transactional = false)
class PersonalDataErasureApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi ACCOUNT = new ServiceApi("account");
    @RegisterExtension
    static final ServiceApi PRIVACY = new ServiceApi("privacy");
    private static final String OTHER_SLT = TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT");
    private static final String OTHER_AUDITOR = TestTokens.bearer("auditor-9", TestTokens.OTHER_SCHOOL, "AUDITOR");

    @Inject
    DataSource dataSource;
    @Inject
    RetentionSchedule retention;

    private Map<String, Object> sync(Map<String, Object>... records) {
        return Map.of("records", List.of(records));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aud4_anErasedMemberOfStaffAndTheirDeclarationAreNowhereReadable() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String staff = "s-" + UUID.randomUUID().toString().substring(0, 8);
            String kept = "s-" + UUID.randomUUID().toString().substring(0, 8);
            ACCOUNT.as(MIS).body(sync(Map.of("staffId", staff, "forename", "Cressida", "surname", "Umfreville"),
                    Map.of("staffId", kept, "forename", "Barnaby", "surname", "Octavius"))).post("/api/v1/staff/sync").then()
                    .statusCode(200);
            String declaration = ACCOUNT.as(TestTokens.bearer(staff, TestTokens.SCHOOL, "STAFF"))
                    .body(Map.of("relatedTo", "PUPIL", "personName", "Peregrine Umfreville", "nature", "FAMILY",
                            "details", "Cressida's nephew in Year 3"))
                    .post("/api/v1/staff/declarations").then().statusCode(201).extract().header("Location");
            String declarationId = declaration.substring(declaration.lastIndexOf('/') + 1);
            List<String> traces = List.of("Cressida", "Umfreville", "cressida", "umfreville", "Peregrine", "nephew");
            assertTrue(PersonalDataScan.find(dataSource, traces).size() > 3, "the scan sees them before");

            PRIVACY.as(SLT).body(Map.of("subjectType", "STAFF", "subjectId", staff, "ground", "OBJECTION"))
                    .post("/api/v1/privacy/account/erasures").then().statusCode(201)
                    .body("erasedRecords", equalTo(List.of("DECLARATION:" + declarationId)));

            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "no column of any table holds them");
            ACCOUNT.as(SLT).get("/api/v1/staff/" + staff).then().statusCode(404);
            ACCOUNT.as(SLT).get("/api/v1/staff/" + kept).then().statusCode(200)
                    .body("forename", equalTo("Barnaby"));
            ACCOUNT.as(SLT).get(declaration).then().statusCode(404);
            ACCOUNT.as(SLT).get("/api/v1/staff/declarations").then().statusCode(200)
                    .body("items.id", not(hasItem(declarationId)));

            ACCOUNT.as(MIS).body(sync(Map.of("staffId", staff, "forename", "Cressida", "surname", "Umfreville"),
                    Map.of("staffId", kept, "forename", "Barnaby", "surname", "Octavius"))).post("/api/v1/staff/sync").then()
                    .statusCode(200).body("unchanged", equalTo(2));
            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "a sync that still lists them changes nothing");

            AuditChainCheck.intactThenAnEditIsDetected(ACCOUNT.port(), "account", dataSource, declarationId,
                    "\"nature\":\"FAMILY\"", "\"nature\":\"FAMILY_FRIEND\"");
    
            assertEquals(List.of(), logs.containing(traces), "no log line holds them (AUD-4)");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aud4_aLeaversDeclarationExpiresAfterTheSchoolsDeclarationPeriod() throws Exception {
        String staff = "s-" + UUID.randomUUID().toString().substring(0, 8);
        ACCOUNT.as(OTHER_MIS).body(sync(Map.of("staffId", staff, "forename", "Hyacinth", "surname", "Bucket")))
                .post("/api/v1/staff/sync").then().statusCode(200);
        String location = ACCOUNT.as(TestTokens.bearer(staff, TestTokens.OTHER_SCHOOL, "STAFF"))
                .body(Map.of("relatedTo", "PARENT", "personName", "Onslow Bucket", "nature", "FAMILY"))
                .post("/api/v1/staff/declarations").then().statusCode(201).extract().header("Location");
        String declaration = location.substring(location.lastIndexOf('/') + 1);
        ACCOUNT.as(OTHER_MIS).body(sync(Map.of("staffId", staff, "forename", "Hyacinth", "surname", "Bucket",
                "leavingDate", LocalDate.now().minusDays(3).toString()))).post("/api/v1/staff/sync").then().statusCode(200);
        PRIVACY.as(OTHER_SLT).body(Map.of("period", "P2D"))
                .put("/api/v1/privacy/account/retention/DECLARATION").then().statusCode(200);
        retention.run();
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Onslow")), "the declaration expired");
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Hyacinth")).isEmpty(), "the roster keeps six years");
        PRIVACY.as(OTHER_AUDITOR).get("/api/v1/privacy/account/erasures").then().statusCode(200)
                .body("items.find { it.subjectId == '" + declaration + "' }.ground", equalTo("RETENTION_EXPIRED"))
                .body("items.find { it.subjectId == '" + declaration + "' }.erasedBy", equalTo("system:retention"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aud4_aLeaverExpiresAfterTheSchoolsStaffRecordPeriod() throws Exception {
        String staff = "s-" + UUID.randomUUID().toString().substring(0, 8);
        ACCOUNT.as(MIS).body(sync(Map.of("staffId", staff, "forename", "Ignatius", "surname", "Wetherall",
                "leavingDate", LocalDate.now().minusDays(2).toString()))).post("/api/v1/staff/sync").then().statusCode(200);
        retention.run();
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Ignatius")).isEmpty(), "six years by default");
        PRIVACY.as(SLT).body(Map.of("period", "P1D"))
                .put("/api/v1/privacy/account/retention/STAFF_RECORD").then().statusCode(200);
        retention.run();
        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Ignatius", "Wetherall")));
    }
}
