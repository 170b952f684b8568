package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.WebhookReceiver;

/**
 * Signed webhooks through the gateway (INT-1, decision 12): SLT subscribes once for the suite, events
 * happen in all three services, and a real receiver gets every delivery, each signature verified as a
 * subscriber would (Standard Webhooks' own verifier), each record's in order, no names or free text.
 * The suite runs with private addresses allowed, as the receiver is on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.startedByTheClass();

    private WebhookReceiver receiver;

    @BeforeAll
    void startSuite() {
        receiver = WebhookReceiver.started();
        SUITE.closeAfterwards(receiver);
        SUITE.start("webhooks", 18980, "-Dsmp.webhooks.allow-private-addresses=true", "-Dsmp.webhooks.poll=200ms");
    }

    @Test
    void int1_everyServicesEventsReachTheSubscriberSignedAndInOrder() {
        // INC-7: INTEGRATION may not hear of incidents; nothing is stored anywhere.
        SUITE.as("mis").body(Map.of("url", receiver.url(), "eventTypes", List.of("staff.left", "incident.reported")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                .body("code", equalTo("WEBHOOK_TYPE_NOT_ALLOWED")).body("errors.field", hasItem("eventTypes[1]"));

        JsonPath created = SUITE.as("slt").body(Map.of("url", receiver.url(), "eventTypes", List.of("staff.rostered",
                        "staff.left", "incident.reported", "incident.assessed", "consent.given", "consent.withdrawn")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201)
                .header("Location", notNullValue()).body("secret", notNullValue()).extract().jsonPath();
        String subscription = created.getString("id");
        receiver.verifyWith(created.getString("secret"));
        SUITE.as("slt").get("/api/v1/webhooks/subscriptions/" + subscription).then().statusCode(200)
                .body("id", equalTo(subscription)).body("secret", equalTo(null));

        // account-service: two joiners, then one of them leaving
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", "wh-1", "forename", "Philippa", "surname", "Grimshaw"),
                        Map.of("staffId", "wh-2", "forename", "Tobias", "surname", "Ellery"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", "wh-1", "forename", "Philippa", "surname", "Grimshaw",
                        "leavingDate", LocalDate.now().plusDays(14).toString()))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        // incident-service: reported, then assessed
        String incident = SUITE.as("staff").body(Map.of(
                        "category", "DEFAMATORY_OR_OFFENSIVE_CONTENT",
                        "whatHappened", "A post calling Mr Grimshaw a liar on a public page.",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Facebook", "location", "https://facebook.com/localnews/posts/42",
                        "officialAccountInvolved", false, "peopleInvolved", List.of(Map.of("role", "PARENT"))))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
        SUITE.as("slt").body(Map.of("severity", "MEDIUM", "safeguarding", false, "possiblyIllegal", false,
                        "posterType", "THIRD_PARTY", "route", "PLATFORM", "notes", "Shared on a local news page"))
                .post(incident + "/assessment").then().statusCode(200);
        String incidentId = incident.substring(incident.lastIndexOf('/') + 1);
        // consent-service: consent given, then withdrawn
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", "wh-p1", "forename", "Oriane", "surname", "Vasquez",
                        "yearGroup", "Year 4", "dateOfBirth", "2017-05-02", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/wh-p1/consents").then().statusCode(201);
        SUITE.as("parent").body(Map.of("withdrawnBy", "demo-parent"))
                .post("/api/v1/pupils/wh-p1/consents/WEBSITE/withdrawal").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> receiver.accepted().size() >= 7);
        List<WebhookReceiver.Received> got = receiver.accepted();
        assertEquals(7, got.size(), "one delivery per event: " + got);
        assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified), "every signature verifies");
        assertEquals(List.of("staff.rostered", "staff.left"), typesOf(got, "wh-1"));
        assertEquals(List.of("staff.rostered"), typesOf(got, "wh-2"));
        assertEquals(List.of("incident.reported", "incident.assessed"), typesOf(got, incidentId));
        assertEquals(List.of("consent.given", "consent.withdrawn"), typesOf(got, "wh-p1"));
        for (WebhookReceiver.Received delivery : got) {
            for (String text : List.of("Philippa", "Grimshaw", "Tobias", "Ellery", "Oriane", "Vasquez", "liar", "local news")) {
                assertFalse(delivery.body().contains(text), "personal data or free text in " + delivery.body());
            }
        }

        JsonPath log = SUITE.as("slt").get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(7, log.getList("items").size());
        assertTrue(log.getList("items.state").stream().allMatch("DELIVERED"::equals), log.prettify());
        assertEquals(List.of("account", "consent", "incident"),
                log.getList("items.service", String.class).stream().distinct().sorted().toList());

        SUITE.as("slt").delete("/api/v1/webhooks/subscriptions/" + subscription).then().statusCode(204);
        SUITE.as("slt").get("/api/v1/webhooks/subscriptions/" + subscription).then().statusCode(404);
    }

    private static List<String> typesOf(List<WebhookReceiver.Received> got, String recordId) {
        return got.stream().filter(r -> r.json().at("/data/recordId").asText().equals(recordId))
                .map(r -> r.json().get("type").asText()).toList();
    }
}
