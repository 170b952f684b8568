package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 through the gateway: the MIS reads the change feed from its cursor and sees a consent
 * withdrawal and a leaver, in consent-service's feed and in the suite's merged feed with a staff
 * leaver of account-service; a pupil's friend request to staff e-mails the DSL's mailbox (a real
 * SMTP server, GreenMail) within seconds, with the category and a link only (INC-2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationFeedE2E {

    private static final String DSL_MAILBOX = "dsl@demo-school.example";

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.startedByTheClass();

    private GreenMail smtp;

    @BeforeAll
    void startSuite() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        SUITE.closeAfterwards(smtp::stop);
        SUITE.start("integration-feed", 18880,
                "-Dsmp.notifications.smtp-host=127.0.0.1",
                "-Dsmp.notifications.smtp-port=" + smtp.getSmtp().getPort(),
                "-Dsmp.notifications.link-base=https://suite.demo-school.example",
                "-Dsmp.notifications.recipients=demo-school/DSL=" + DSL_MAILBOX);
    }

    @Test
    void theMisReadsAWithdrawalAndALeaverFromItsCursor() {
        String cursor = SUITE.as("mis").get("/api/v1/consents/changes").then().statusCode(200).extract().path("cursor");
        String pupil = "e2e-feed-pupil";
        String leaver = "e2e-feed-leaver";
        SUITE.as("mis").body(Map.of("records", List.of(
                        Map.of("pupilId", pupil, "forename", "Zoë", "surname", "Ó Briain", "yearGroup", "Year 5",
                                "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("demo-parent")),
                        Map.of("pupilId", leaver, "forename", "Sam", "surname", "Patel", "yearGroup", "Year 6",
                                "dateOfBirth", "2015-01-30", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201);
        SUITE.as("parent").body(Map.of("withdrawnBy", "demo-parent"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", leaver, "forename", "Sam", "surname", "Patel",
                        "yearGroup", "Year 6", "dateOfBirth", "2015-01-30", "parentalResponsibility",
                        List.of("demo-parent"), "leavingDate", LocalDate.now().toString()))))
                .post("/api/v1/pupils/roster").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("mis").queryParam("cursor", cursor).get("/api/v1/consents/changes").then().statusCode(200)
                        .body("items.find { it.kind == 'CONSENT' && it.status == 'WITHDRAWN' }.subjectId",
                                equalTo(pupil))
                        .body("items.find { it.kind == 'PUPIL_LEFT' }.subjectId", equalTo(leaver)));
        // what a delta client may have sent before: refused, never answered with everything
        SUITE.as("mis").queryParam("updated_after", Instant.now().minus(1, ChronoUnit.DAYS).toString())
                .get("/api/v1/consents/changes").then().statusCode(400).body("code", equalTo("UNKNOWN_PARAMETER"));
    }

    /** The suite's feed (gateway, {@code listSuiteChanges}): consent-service's and account-service's changes, one cursor. */
    @Test
    void theMisReadsAWithdrawalAndAStaffLeaverFromTheSuitesFeed() {
        String cursor = SUITE.as("mis").get("/api/v1/changes").then().statusCode(200).extract().path("cursor");
        String pupil = "e2e-suite-feed-pupil";
        String staff = "e2e-suite-feed-staff";
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", "Ada", "surname", "Nwosu",
                        "yearGroup", "Year 4", "dateOfBirth", "2017-05-02", "parentalResponsibility",
                        List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("parent").body(Map.of("channel", "PRINT", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201);
        SUITE.as("parent").body(Map.of("withdrawnBy", "demo-parent"))
                .post("/api/v1/pupils/" + pupil + "/consents/PRINT/withdrawal").then().statusCode(200);
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", staff, "forename", "Tomasz", "surname", "Wójcik"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", staff, "forename", "Tomasz", "surname", "Wójcik",
                        "leavingDate", LocalDate.now().plusDays(30).toString()))))
                .post("/api/v1/staff/sync").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("mis").queryParam("cursor", cursor).queryParam("limit", 200).get("/api/v1/changes").then()
                        .statusCode(200)
                        .body("items.find { it.kind == 'CONSENT' && it.status == 'WITHDRAWN' }.subjectId",
                                equalTo(pupil))
                        .body("items.find { it.kind == 'STAFF_LEFT' }.subjectId", equalTo(staff))
                        .body("items.find { it.kind == 'STAFF_LEFT' }.status", equalTo("LEFT"))
                        .body("items.find { it.kind == 'STAFF_LEFT' }.link", equalTo("/api/v1/staff/" + staff)));
        String page = SUITE.as("mis").queryParam("cursor", cursor).queryParam("limit", 200).get("/api/v1/changes").then()
                .statusCode(200).extract().asString();
        assertTrue(!page.contains("Wójcik") && !page.contains("Nwosu"), "ids and statuses only: " + page);
        // read on from the last cursor: nothing again, and a cursor to keep
        String last = SUITE.as("mis").queryParam("cursor", cursor).queryParam("limit", 200).get("/api/v1/changes").then()
                .extract().path("cursor");
        SUITE.as("mis").queryParam("cursor", last).get("/api/v1/changes").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("cursor", equalTo(last));
        SUITE.as("mis").queryParam("updated_after", Instant.now().toString()).get("/api/v1/changes").then()
                .statusCode(400).body("code", equalTo("UNKNOWN_PARAMETER"));
        SUITE.as("staff").get("/api/v1/changes").then().statusCode(403);
    }

    @Test
    void inc2_aPupilsFriendRequestToStaffEmailsTheDslWithinSeconds() {
        String location = SUITE.as("staff").body(Map.of("category", "PUPIL_CONTACT_WITH_STAFF",
                        "whatHappened", "A year 9 pupil sent a friend request to my personal account.",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Instagram", "location", "My personal account's notifications",
                        "officialAccountInvolved", false, "peopleInvolved", List.of(Map.of("role", "PUPIL"))))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
        String incident = location.substring(location.lastIndexOf('/') + 1);
        long reported = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailAbout(incident).length == 1);
        long millis = Duration.ofNanos(System.nanoTime() - reported).toMillis();
        System.out.println("IntegrationFeedE2E: the DSL's e-mail arrived " + millis + " ms after the report's 201");
        assertTrue(millis < 10_000, "e-mailed after " + millis + " ms");
        String body = GreenMailUtil.getBody(mailAbout(incident)[0]);
        assertTrue(body.contains("https://suite.demo-school.example/api/v1/incidents/" + incident), body);
        assertTrue(!body.contains("friend request to my personal"), body);
        SUITE.as("dsl").get("/api/v1/incidents/notifications").then().statusCode(200)
                .body("items.findAll { it.incidentId == '" + incident + "' }.deliveryState", hasItem("SENT"));
    }

    private MimeMessage[] mailAbout(String incident) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(DSL_MAILBOX))
                        && GreenMailUtil.getBody(m).contains(incident);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
