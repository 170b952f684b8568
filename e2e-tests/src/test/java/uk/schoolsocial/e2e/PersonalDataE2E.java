package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AUD-4 through the gateway of a launched suite: a pupil rostered, consented, in a registered
 * publication and in an incident with another pupil; the subject access export holds all of it and
 * withholds the other pupil; erasure makes every read show the fields erased while every chain
 * still verifies; a safeguarding incident blocks erasure with 409 naming the hold and its end; a
 * school's short retention period erases a leaver on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataE2E {

    private static final String ADA = "e2e-pd-ada";
    private static final String BEN = "e2e-pd-ben";
    private static final String CAL = "e2e-pd-cal";
    private static final String DEE = "e2e-pd-dee";

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("personal-data", 18420, "-Dsmp.privacy.retention.interval=2s");

    @BeforeAll
    void rosterPupils() {
        roster(List.of(pupil(ADA, "Adaline", "Quillfeather", "2015-05-01"), pupil(BEN, "Benedikt", "Rookwood", "2015-07-12"),
                pupil(CAL, "Calloway", "Stirrup", "2014-02-03"), pupil(DEE, "Deverell", "Tansy", "2015-09-30")));
    }

    private static Map<String, Object> pupil(String id, String given, String family, String born) {
        return Map.of("pupilId", id, "forename", given, "surname", family, "yearGroup", "Year 6",
                "dateOfBirth", born, "parentalResponsibility", List.of("demo-parent"));
    }

    private void roster(List<Map<String, Object>> pupils) {
        SUITE.as("mis").body(Map.of("records", pupils)).post("/api/v1/pupils/roster").then().statusCode(200);
    }

    private String report(String category, List<Map<String, Object>> people) {
        return SUITE.as("staff").body(Map.of("category", category,
                        "whatHappened", "Messages in a group chat at the weekend, then a screenshot on a public page.",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Instagram", "location", "a group chat", "officialAccountInvolved", false,
                        "peopleInvolved", people))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
    }

    @Test
    void aud4_exportWithholdsOthersThenErasureLeavesNothingReadableAndTheChainsVerify() {
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                "givenOn", LocalDate.now().toString())).post("/api/v1/pupils/" + ADA + "/consents").then().statusCode(201);
        Map<String, Object> content = Map.of("channel", "WEBSITE", "pupilIds", List.of(ADA),
                "caption", "Year 6 at the science fair", "altText", "A pupil at a stand");
        String checkId = SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        Map<String, Object> registration = new HashMap<>(content);
        registration.put("checkId", checkId);
        registration.put("link", "https://demo-school.example/news/science-fair");
        registration.put("publishedOn", LocalDate.now().toString());
        SUITE.as("staff").body(registration).post("/api/v1/consents/publications").then().statusCode(201);
        String incident = report("DISCRIMINATORY_CONTENT", List.of(
                Map.of("role", "PUPIL", "rosterId", ADA, "description", "Adaline, who was sent the messages"),
                Map.of("role", "PUPIL", "rosterId", BEN, "description", "Benedikt, who sent them")));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String export = SUITE.as("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", ADA)
                    .get("/api/v1/privacy/subject-access").then().statusCode(200).extract().asString();
            assertTrue(export.contains("Adaline") && export.contains("Quillfeather") && export.contains("2015-05-01"), export);
            assertTrue(export.contains("Adaline, who was sent the messages") && export.contains("science-fair"), export);
            assertTrue(export.contains("[withheld: another person's data]"), export);
            assertFalse(export.contains("Benedikt") || export.contains("Rookwood"), "the other pupil is withheld: " + export);
        });
        String document = SUITE.as("slt").accept("text/html").queryParam("subjectType", "PUPIL").queryParam("subjectId", ADA)
                .get("/api/v1/privacy/subject-access").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(document.contains("Personal data held about PUPIL " + ADA) && document.contains("Quillfeather"), document);

        SUITE.as("slt").header("Idempotency-Key", "e2e-erase-ada").body(Map.of("subjectType", "PUPIL", "subjectId", ADA,
                        "ground", "CONSENT_WITHDRAWN", "dateOfBirth", "2015-05-01"))
                .post("/api/v1/privacy/erasures").then().statusCode(201)
                .body("services.service", equalTo(List.of("account", "consent", "incident")))
                .body("services.find { it.service == 'incident' }.erasure.erasedRecords",
                        hasItem("INCIDENT:" + incident.substring(incident.lastIndexOf('/') + 1)));

        String export = SUITE.as("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", ADA)
                .get("/api/v1/privacy/subject-access").then().statusCode(200).extract().asString();
        assertFalse(export.contains("Adaline") || export.contains("Quillfeather") || export.contains("2015-05-01"), export);
        String audit = SUITE.as("auditor").queryParam("limit", 1000).get("/api/v1/audit/events").then().statusCode(200)
                .extract().asString();
        assertFalse(audit.contains("Adaline") || audit.contains("Quillfeather"), "the audit trail shows it erased");
        assertTrue(audit.contains("SubjectErasedEvent") && audit.contains("Calloway"), "and the rest as it was");
        SUITE.as("slt").get(incident).then().statusCode(200).body("whatHappened", equalTo(null))
                .body("peopleInvolved.description", not(hasItem("Adaline, who was sent the messages")));
        for (String service : List.of("account", "incident", "consent")) {
            SUITE.as("auditor").body(Map.of()).post("/api/v1/audit/" + service + "/verifications").then().statusCode(200)
                    .body("intact", equalTo(true));
        }
    }

    @Test
    void aud4_aSafeguardingIncidentBlocksErasureNamingTheHoldAndItsEnd() {
        report("PUPIL_CONTACT_WITH_STAFF", List.of(Map.of("role", "PUPIL", "rosterId", CAL, "description", "Calloway")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("slt").body(Map.of("subjectType", "PUPIL", "subjectId", CAL, "ground", "OBJECTION",
                                "dateOfBirth", "2014-02-03"))
                        .post("/api/v1/privacy/erasures").then().statusCode(409)
                        .body("code", equalTo("ERASURE_HELD"))
                        .body("detail", containsString("SAFEGUARDING_RECORD"))
                        .body("detail", containsString("until 2039-02-03")));
        String export = SUITE.as("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", CAL)
                .get("/api/v1/privacy/subject-access").then().statusCode(200).extract().asString();
        assertTrue(export.contains("Stirrup"), "nothing was erased anywhere");
    }

    @Test
    void aud4_aShortRetentionPeriodErasesALeaverOnItsOwn() {
        SUITE.as("slt").body(Map.of("period", "P0D")).put("/api/v1/privacy/consent/retention/PUPIL_RECORD").then()
                .statusCode(200);
        Map<String, Object> leaver = new HashMap<>(pupil(DEE, "Deverell", "Tansy", "2015-09-30"));
        leaver.put("leavingDate", LocalDate.now().minusDays(1).toString());
        roster(List.of(leaver));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                SUITE.as("auditor").get("/api/v1/privacy/consent/erasures").then().statusCode(200)
                        .body("items.find { it.subjectId == '" + DEE + "' }.ground", equalTo("RETENTION_EXPIRED")));
        String export = SUITE.as("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", DEE)
                .get("/api/v1/privacy/subject-access").then().statusCode(200).extract().asString();
        assertFalse(export.contains("Deverell") || export.contains("Tansy"), export);
    }
}
