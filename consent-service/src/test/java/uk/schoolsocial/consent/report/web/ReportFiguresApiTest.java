package uk.schoolsocial.consent.report.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * The governors' report's consent figures (issue 16) from a known history built through the real
 * stack, every number checked (CON-1 to CON-6); checked against consent.yaml.
 */
@MicronautTest(transactional = false)
class ReportFiguresApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String FIGURES = "/api/v1/consents/report-figures";

    private final String school = "school-" + UUID.randomUUID();

    private RequestSpecification api(String... roles) {
        return API.as(TestTokens.bearer(roles[0].toLowerCase() + "-1", school, roles));
    }

    private String pupil(String yearGroup, String leavingDate) {
        String id = "pupil-" + UUID.randomUUID();
        Map<String, Object> record = new HashMap<>(Map.of("pupilId", id, "forename", "Ann", "surname", "Lee",
                "yearGroup", yearGroup, "dateOfBirth", "2014-03-14", "parentalResponsibility", List.of("parent-1")));
        if (leavingDate != null) {
            record.put("leavingDate", leavingDate);
        }
        api("INTEGRATION").body(Map.of("records", List.of(record))).post("/api/v1/pupils/roster").then()
                .statusCode(200);
        return id;
    }

    private void consent(String pupil, String... channels) {
        for (String channel : channels) {
            api("STAFF").body(Map.of("channel", channel, "givenBy", "parent-1", "method", "PAPER_FORM",
                            "formReference", "CF-1", "givenOn", "2026-01-05", "validUntil", "2099-08-31"))
                    .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201);
        }
    }

    private String publish(String channel, String pupil) {
        Map<String, Object> content = new HashMap<>(Map.of("channel", channel, "pupilIds", List.of(pupil),
                "caption", "Sports day", "altText", "Children running"));
        String checkId = api("STAFF").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        content.put("checkId", checkId);
        content.put("link", "https://oakfield.sch.uk/news/" + UUID.randomUUID());
        content.put("publishedOn", "2026-10-01");
        return api("STAFF").body(content).post("/api/v1/consents/publications").then().statusCode(201)
                .extract().path("id");
    }

    private ValidatableResponse figures(LocalDate from, LocalDate to) {
        return api("AUDITOR").queryParam("from", from.toString()).queryParam("to", to.toString()).get(FIGURES)
                .then().statusCode(200);
    }

    @Test
    void everyFigureMatchesAKnownHistory() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String p1 = pupil("Year 7", null);
        String p2 = pupil("Year 7", null);
        String p3 = pupil("Year 7", null);
        String p4 = pupil("Year 8", null);
        pupil("Year 8", null);                                        // no consent at all
        String leaver = pupil("Year 8", null);
        consent(p1, "WEBSITE", "OFFICIAL_SOCIAL_MEDIA");
        consent(p2, "WEBSITE");
        consent(p3, "PRINT");
        consent(p4, "WEBSITE", "PRINT");
        consent(leaver, "WEBSITE");
        publish("WEBSITE", p1);
        String withdrawnFrom = publish("WEBSITE", p2);
        publish("PRINT", p3);
        publish("WEBSITE", p4);
        // CON-3: a withdrawal opens a takedown, which staff complete; CON-2: an objection rules out every channel.
        api("PARENT").body(Map.of("withdrawnBy", "parent-1")).post("/api/v1/pupils/" + p2 + "/consents/WEBSITE/withdrawal")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api("STAFF").queryParam("limit", 200)
                .get("/api/v1/consents/takedowns").then().statusCode(200).body("items.id", hasItem(withdrawnFrom)));
        api("STAFF").body(Map.of("note", "Removed from the site"))
                .post("/api/v1/consents/publications/" + withdrawnFrom + "/takedown").then().statusCode(200);
        api("DSL").body(Map.of("reason", "Does not want to be photographed")).post("/api/v1/pupils/" + p3 + "/objection")
                .then().statusCode(201);
        // CON-6: a pupil who has left is no longer on the roster's coverage.
        api("INTEGRATION").body(Map.of("records", List.of(Map.of("pupilId", leaver, "forename", "Ann", "surname", "Lee",
                        "yearGroup", "Year 8", "dateOfBirth", "2014-03-14", "parentalResponsibility", List.of("parent-1"),
                        "leavingDate", today.minusDays(1).toString()))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("left", equalTo(1));

        // The withdrawal and the objection are counted from the change feed, which its own processor writes.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> figures(today, today)
                .body("withdrawals", equalTo(1)).body("objections", equalTo(1)));
        figures(today, today)
                .body("from", equalTo(today.toString()))
                .body("coverage.yearGroup", contains("Year 7", "Year 8"))
                .body("coverage.pupils", contains(3, 2))
                .body("coverage.objected", contains(1, 0))
                .body("coverage[0].channels.channel", contains("WEBSITE", "OFFICIAL_SOCIAL_MEDIA", "PRINT",
                        "PRESS_AND_MEDIA", "VIDEO_AND_LIVE_STREAM"))
                .body("coverage[0].channels.consented", contains(1, 1, 0, 0, 0))
                .body("coverage[1].channels.consented", contains(1, 0, 1, 0, 0))
                .body("withdrawals", equalTo(1))
                .body("objections", equalTo(1))
                .body("publicationsRegistered", equalTo(4))
                .body("publicationsTakenDown", equalTo(1));
        // Another period: coverage is today's, the rest counts only what happened in it.
        figures(today.minusDays(10), today.minusDays(1))
                .body("coverage.pupils", contains(3, 2))
                .body("withdrawals", equalTo(0))
                .body("objections", equalTo(0))
                .body("publicationsRegistered", equalTo(0))
                .body("publicationsTakenDown", equalTo(0));
    }

    @Test
    void onlySltAndAuditorsReadTheFiguresOfAValidPeriod() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String role : List.of("STAFF", "DSL", "PARENT", "INTEGRATION")) {
            api(role).queryParam("from", today).queryParam("to", today).get(FIGURES).then().statusCode(403);
        }
        api("SLT").queryParam("from", today).queryParam("to", today).get(FIGURES).then().statusCode(200)
                .body("coverage.size()", equalTo(0));
        API.badInput(TestTokens.bearer("slt-1", school, "SLT")).queryParam("from", today)
                .queryParam("to", "2020-01-01").get(FIGURES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("to"));
    }
}
