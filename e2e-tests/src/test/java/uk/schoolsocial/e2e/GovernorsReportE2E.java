package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16 on the launched suite: the governors' report through the gateway, built from the three
 * services' read models, for one school (SLT, as JSON, HTML and PDF) and side by side for a trust
 * auditor; no name recorded anywhere in the history reaches it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernorsReportE2E {

    private static final String REPORT = "/api/v1/reports/governors";
    private static final String PUPIL = "pupil-gov-1";

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("governors-report", 19180);

    private RequestSpecification report(String user) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return SUITE.as(user).queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString()).queryParam("to", today);
    }

    private String reportIncident(String user, String category, String person) {
        return SUITE.as(user).body(Map.of("category", category,
                        "whatHappened", "Kai Jensen posted a photo of Nadia Okafor without asking.",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Instagram", "location", "https://instagram.com/p/abc",
                        "officialAccountInvolved", false, "peopleInvolved", List.of(Map.of("role", person))))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
    }

    @Test
    void oneSchoolsReportAndATrustAuditorsSideBySide() throws IOException {
        String first = reportIncident("staff", "COPYRIGHT", "THIRD_PARTY");
        reportIncident("staff", "BULLYING_OR_HARASSMENT", "PUPIL");
        SUITE.as("slt").body(Map.of("severity", "LOW", "safeguarding", false, "possiblyIllegal", false,
                "posterType", "THIRD_PARTY", "route", "PLATFORM")).post(first + "/assessment").then().statusCode(200);
        reportIncident("other-slt", "OTHER", "UNKNOWN");
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", PUPIL, "forename", "Nadia", "surname", "Okafor",
                        "yearGroup", "Year 9", "dateOfBirth", "2012-05-01", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                "givenOn", LocalDate.now().toString())).post("/api/v1/pupils/" + PUPIL + "/consents").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> report("slt").get(REPORT).then().statusCode(200)
                .contentType("application/json")
                .body("schools.schoolId", equalTo(List.of("demo-school")))
                .body("schools[0].incidents.incidentsReported", equalTo(2))
                .body("schools[0].incidents.assessment.count", equalTo(1))
                .body("schools[0].incidents.openSafeguardingCases", equalTo(1))
                .body("schools[0].accounts.accounts.live", equalTo(0))
                .body("schools[0].consent.coverage[0].yearGroup", equalTo("Year 9"))
                .body("schools[0].consent.coverage[0].pupils", equalTo(1))
                .body("schools[0].consent.coverage[0].channels[0].consented", equalTo(1)));

        String html = report("auditor").accept("text/html").get(REPORT).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertTrue(html.contains("<td>Incidents reported</td><td>2</td>"), "the numbers beside the charts");
        // The charts' base64 may hold any three letters by chance: the text around them is what is read.
        String text = html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
        String json = report("slt").get(REPORT).then().statusCode(200).extract().asString();
        for (String personal : List.of("Nadia", "Okafor", "Kai Jensen", PUPIL, "demo-parent", "demo-staff", "demo-slt")) {
            assertFalse(text.contains(personal), "no personal data in the page: " + personal);
            assertFalse(json.contains(personal), "no personal data in the JSON: " + personal);
        }
        byte[] pdf = report("slt").queryParam("format", "pdf").get(REPORT).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(images(pdf) >= 9, "the charts are in the PDF");

        report("trust-auditor").get(REPORT).then().statusCode(200)
                .body("schools.schoolId", equalTo(List.of("demo-school", "other-school")))
                .body("schools.incidents.incidentsReported", equalTo(List.of(2, 1)));
        byte[] trust = report("trust-auditor").accept("application/pdf").get(REPORT).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals(10, images(trust), "nine charts, the consent coverage once per school");
        report("trust-auditor").queryParam("school", "other-school").get(REPORT).then().statusCode(200)
                .body("schools.schoolId", equalTo(List.of("other-school")));
        report("slt").queryParam("school", "other-school").get(REPORT).then().statusCode(403);
        report("staff").get(REPORT).then().statusCode(403);
        report("slt").queryParam("colour", "red").get(REPORT).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("colour"));
    }

    private static int images(byte[] pdf) throws IOException {
        int images = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
        }
        return images;
    }
}
