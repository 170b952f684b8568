package uk.schoolsocial.incident.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.incident.report.web.HandlingApiTestAccess;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;
import uk.schoolsocial.platform.testing.WebhookReceiver;
import uk.schoolsocial.platform.webhook.WebhookSignature;

/**
 * INT-1 in incident-service: SLT subscribes to incidents and gets each report and assessment signed,
 * in order, with the incident's id and status only (INC-7: never its category, text or people);
 * INTEGRATION may not subscribe to them.
 */
@MicronautTest(transactional = false)
class IncidentWebhooksApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("webhooks");
    @RegisterExtension
    static final ServiceApi INCIDENTS = new ServiceApi("incident");
    private static final String BASE = "/api/v1/webhooks/services/incident/subscriptions/";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(AccountEventsDatabaseTest.super.getProperties());
        properties.put("smp.webhooks.allow-private-addresses", "true");
        properties.put("smp.webhooks.poll", "100ms");
        return properties;
    }

    @Test
    void int1_sltHearsOfEachIncidentsReportAndAssessmentSignedInOrderWithoutItsDetail() {
        String school = "school-" + UUID.randomUUID();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String secret = WebhookSignature.newSecret();
            receiver.verifyWith(secret);
            API.badInput(TestTokens.bearer("mis-a", school, "INTEGRATION"))
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("incident.reported"), "secret", secret))
                    .put(BASE + UUID.randomUUID()).then().statusCode(422).body("code", equalTo("WEBHOOK_TYPE_NOT_ALLOWED"));
            API.as(slt).body(Map.of("url", receiver.url(), "secret", secret,
                            "eventTypes", List.of("incident.reported", "incident.assessed")))
                    .put(BASE + UUID.randomUUID()).then().statusCode(201);

            String incident = INCIDENTS.as(TestTokens.bearer("staff-a", school, "STAFF"))
                    .body(HandlingApiTestAccess.report("DEFAMATORY_OR_OFFENSIVE_CONTENT", "PARENT"))
                    .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
            INCIDENTS.as(slt).body(Map.of("severity", "LOW", "safeguarding", false,
                            "possiblyIllegal", false, "posterType", "UNKNOWN", "route", "PLATFORM"))
                    .post(incident + "/assessment").then().statusCode(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= 2);
            List<WebhookReceiver.Received> got = receiver.accepted();
            assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified));
            assertEquals(List.of("incident.reported", "incident.assessed"),
                    got.stream().map(r -> r.json().get("type").asText()).toList());
            assertEquals(List.of("REPORTED", "ASSESSED"), got.stream().map(r -> r.json().at("/data/status").asText()).toList());
            assertEquals(incident, got.get(0).json().at("/data/link").asText());
            for (WebhookReceiver.Received r : got) {
                for (String detail : List.of("incompetent", "DEFAMATORY", "PARENT", "facebook", "staff-a")) {
                    assertFalse(r.body().contains(detail), detail + " in " + r.body());
                }
            }
        }
    }
}
