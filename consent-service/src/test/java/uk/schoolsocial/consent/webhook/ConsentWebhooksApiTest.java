package uk.schoolsocial.consent.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;
import uk.schoolsocial.platform.testing.WebhookReceiver;
import uk.schoolsocial.platform.webhook.WebhookSignature;

/**
 * INT-1 in consent-service: SLT subscribes to consent and gets a pupil's consent and its withdrawal
 * (CON-1, CON-3) signed and in order, with the pupil's id and the channel only, never a name.
 */
@MicronautTest(transactional = false)
class ConsentWebhooksApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("webhooks");
    @RegisterExtension
    static final ServiceApi CONSENT = new ServiceApi("consent");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(AccountEventsDatabaseTest.super.getProperties());
        properties.put("smp.webhooks.allow-private-addresses", "true");
        properties.put("smp.webhooks.poll", "100ms");
        return properties;
    }

    @Test
    void int1_theMisHearsOfAConsentAndItsWithdrawalSignedInOrderWithoutNames() {
        String school = "school-" + UUID.randomUUID();
        String parent = TestTokens.bearer("parent-a", school, "PARENT");
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String secret = WebhookSignature.newSecret();
            receiver.verifyWith(secret);
            // The MIS (INTEGRATION) keeps consent per pupil and channel, as the change feed gives it too.
            API.as(TestTokens.bearer("mis-a", school, "INTEGRATION")).body(Map.of("url", receiver.url(),
                            "secret", secret, "eventTypes", List.of("consent.given", "consent.withdrawn")))
                    .put("/api/v1/webhooks/services/consent/subscriptions/" + UUID.randomUUID()).then().statusCode(201);

            CONSENT.as(TestTokens.bearer("mis-a", school, "INTEGRATION"))
                    .body(Map.of("records", List.of(Map.of("pupilId", "p-9", "forename", "Isolde", "surname", "Marchbanks",
                            "yearGroup", "Year 3", "dateOfBirth", "2018-01-20", "parentalResponsibility", List.of("parent-a")))))
                    .post("/api/v1/pupils/roster").then().statusCode(200);
            CONSENT.as(parent).body(Map.of("channel", "WEBSITE", "givenBy", "parent-a",
                            "method", "SIGNED_ONLINE", "givenOn", LocalDate.now().toString()))
                    .post("/api/v1/pupils/p-9/consents").then().statusCode(201);
            CONSENT.as(parent).body(Map.of("withdrawnBy", "parent-a"))
                    .post("/api/v1/pupils/p-9/consents/WEBSITE/withdrawal").then().statusCode(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= 2);
            List<WebhookReceiver.Received> got = receiver.accepted();
            assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified));
            assertEquals(List.of("consent.given", "consent.withdrawn"),
                    got.stream().map(r -> r.json().get("type").asText()).toList());
            assertEquals("WEBSITE", got.get(1).json().at("/data/channel").asText());
            assertEquals("/api/v1/pupils/p-9/consents/WEBSITE", got.get(1).json().at("/data/link").asText());
            for (WebhookReceiver.Received r : got) {
                assertFalse(r.body().contains("Isolde") || r.body().contains("Marchbanks"), r.body());
            }
        }
    }
}
