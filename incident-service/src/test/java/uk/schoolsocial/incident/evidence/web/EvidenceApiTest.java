package uk.schoolsocial.incident.evidence.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.incident.report.web.HandlingApiTestAccess;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** INC-1 evidence and INC-7 on it, through the real stack, checked against incident.yaml. */
@MicronautTest(transactional = false)
class EvidenceApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");

    private String reportAsStaff() {
        return API.as(STAFF).body(HandlingApiTestAccess.report("OTHER", "UNKNOWN")).post("/api/v1/incidents").then()
                .statusCode(201).extract().header("Location");
    }

    @Test
    void inc1_evidenceIsStoredWithItsHashAndOnlyDslAndSltReadItBack() throws Exception {
        String incident = reportAsStaff();
        byte[] png = new byte[300_000];
        new Random(7).nextBytes(png);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        long events = API.events();
        String location = API.as(STAFF).body(Map.of("mediaType", "image/png",
                        "content", Base64.getEncoder().encodeToString(png), "description", "Screenshot"))
                .post(incident + "/evidence").then().statusCode(201)
                .body("sha256", equalTo(hash)).body("sizeBytes", equalTo(300_000))
                .body("addedBy", equalTo("staff-1"))
                .extract().header("Location");
        assertEquals(events + 1, API.events());
        API.as(SLT).get(incident).then().statusCode(200)
                .body("evidence.sha256", contains(hash)).body("evidence[0].mediaType", equalTo("image/png"));
        byte[] back = API.badInput(DSL).get(location).then().statusCode(200)
                .contentType("image/png").header("X-Content-SHA256", hash)
                .extract().asByteArray();
        assertArrayEquals(png, back);
        API.as(STAFF).get(location).then().statusCode(403);
        API.as(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).get(location).then().statusCode(404);
        API.as(STAFF).get(incident).then().statusCode(200).body("evidence", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void inc7_onlyTheReporterOrDslAndSltAddEvidence() {
        String incident = reportAsStaff();
        Map<String, Object> body = Map.of("mediaType", "text/plain", "content", "aGVsbG8=");
        API.as(TestTokens.bearer("staff-2", TestTokens.SCHOOL, "STAFF")).body(body).post(incident + "/evidence").then()
                .statusCode(404).contentType("application/problem+json");
        API.as(DSL).body(body).post(incident + "/evidence").then().statusCode(201);
        API.as(TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR")).body(body).post(incident + "/evidence")
                .then().statusCode(403);
    }

    @Test
    void inc1_badEvidenceIsNamed() {
        String incident = reportAsStaff();
        API.badInput(STAFF).body(Map.of("mediaType", "application/x-msdownload", "content", "aGk="))
                .post(incident + "/evidence").then().statusCode(400).contentType("application/problem+json");
        API.badInput(STAFF).body(Map.of("mediaType", "text/plain", "content", "!!not base64!!"))
                .post(incident + "/evidence").then().statusCode(400).contentType("application/problem+json");
        API.badInput(STAFF).body(Map.of("mediaType", "text/plain", "content", ""))
                .post(incident + "/evidence").then().statusCode(400).body("errors.field", hasItem("content"));
        // issue 11: a missing field was a 500
        API.badInput(STAFF).body(Map.of("mediaType", "application/pdf", "description", "d"))
                .post(incident + "/evidence").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("content"));
        API.badInput(STAFF).body(Map.of("content", "aGk="))
                .post(incident + "/evidence").then().statusCode(400).body("errors.field", hasItem("mediaType"));
    }
}
