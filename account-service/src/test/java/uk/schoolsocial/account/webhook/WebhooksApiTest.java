package uk.schoolsocial.account.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;
import uk.schoolsocial.platform.testing.WebhookReceiver;
import uk.schoolsocial.platform.webhook.WebhookSignature;

/**
 * Signed webhooks (INT-1, decision 12) end to end in one service: real events, the real outbox and
 * dispatcher, a real HTTP receiver that verifies each signature with the Standard Webhooks library,
 * the API checked against webhooks.yaml. Back-off and the retry window are shortened to seconds
 * (whole seconds: the test database stores these times to the second).
 * Each test acts for a school of its own, so deliveries of one do not reach another's receiver.
 */
@MicronautTest(transactional = false)
class WebhooksApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("webhooks");
    @RegisterExtension
    static final ServiceApi ACCOUNT = new ServiceApi("account");
    private static final String BASE = "/api/v1/webhooks/services/account/subscriptions";

    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("smp.webhooks.allow-private-addresses", "true");
        properties.put("smp.webhooks.initial-backoff", "1s");
        properties.put("smp.webhooks.max-backoff", "2s");
        properties.put("smp.webhooks.retry-for", "6s");
        properties.put("smp.webhooks.poll", "100ms");
        properties.put("smp.webhooks.timeout", "2s");
        return properties;
    }

    private static String mis(String school) {
        return TestTokens.bearer("mis-1", school, "INTEGRATION");
    }

    private String subscribe(String token, WebhookReceiver receiver, String... types) {
        String id = UUID.randomUUID().toString();
        String secret = WebhookSignature.newSecret();
        receiver.verifyWith(secret);
        API.as(token).body(Map.of("url", receiver.url(), "eventTypes", List.of(types), "secret", secret))
                .put(BASE + "/" + id).then().statusCode(201).header("Location", BASE + "/" + id)
                .body("id", equalTo(id)).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        assertSecretSealedAtRest(id, secret);
        return id;
    }

    /** Issue 12: the signing secret is stored encrypted, never as given (the deliveries still verify with it). */
    private void assertSecretSealedAtRest(String id, String secret) {
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(dataSource).getConnection(); java.sql.PreparedStatement select = c.prepareStatement(
                "SELECT secret FROM webhook_subscription WHERE subscription_id = ?")) {
            select.setString(1, id);
            try (java.sql.ResultSet row = select.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(row.next());
                String stored = row.getString(1);
                org.junit.jupiter.api.Assertions.assertTrue(stored.startsWith("v1:"), stored);
                org.junit.jupiter.api.Assertions.assertFalse(stored.contains(secret.substring("whsec_".length())));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void push(String school, Map<String, Object>... records) {
        ACCOUNT.as(mis(school)).body(Map.of("records", List.of(records)))
                .post("/api/v1/staff/sync").then().statusCode(200);
    }

    private static Map<String, Object> staff(String id, String forename, String surname, LocalDate leaving) {
        Map<String, Object> record = new HashMap<>(Map.of("staffId", id, "forename", forename, "surname", surname));
        if (leaving != null) {
            record.put("leavingDate", leaving.toString());
        }
        return record;
    }

    private JsonPath deliveries(String token, String subscription) {
        return API.as(token).get(BASE + "/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** INT-1: every event of a subscribed type, signed, once each, in each record's order, ids and statuses only. */
    @Test
    void int1_deliversEverySubscribedEventSignedAndInOrderPerRecord() {
        String school = "webhook-school-1";
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String subscription = subscribe(mis(school), receiver, "staff.rostered", "staff.left", "staff.leaving-withdrawn");
            LocalDate later = LocalDate.now().plusDays(20);
            push(school, staff("w-1", "Winifred", "Ashcombe", null), staff("w-2", "Bartholomew", "Quennell", null));
            push(school, staff("w-1", "Winifred", "Ashcombe", later));
            push(school, staff("w-1", "Winifred", "Ashcombe", null));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= 4);
            List<WebhookReceiver.Received> got = receiver.accepted();
            assertEquals(4, got.size(), "one delivery per event: " + got);
            assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified), "every signature verifies");
            assertEquals(4, got.stream().map(WebhookReceiver.Received::webhookId).distinct().count());
            List<String> ofW1 = got.stream().filter(r -> r.json().at("/data/recordId").asText().equals("w-1"))
                    .map(r -> r.json().get("type").asText()).toList();
            assertEquals(List.of("staff.rostered", "staff.left", "staff.leaving-withdrawn"), ofW1);
            List<Long> sequences = got.stream().filter(r -> r.json().at("/data/recordId").asText().equals("w-1"))
                    .map(r -> r.json().at("/data/sequence").asLong()).toList();
            assertEquals(sequences.stream().sorted().toList(), sequences);
            WebhookReceiver.Received left = got.stream().filter(r -> r.json().get("type").asText().equals("staff.left"))
                    .findFirst().orElseThrow();
            assertEquals("LEAVING", left.json().at("/data/status").asText());
            assertEquals("/api/v1/staff/w-1", left.json().at("/data/link").asText());
            assertEquals(school, left.json().at("/data/schoolId").asText());
            // No names or other personal data in any body (INT-1).
            for (WebhookReceiver.Received r : got) {
                for (String name : List.of("Winifred", "Ashcombe", "Bartholomew", "Quennell")) {
                    assertFalse(r.body().contains(name), "a name in " + r.body());
                }
            }
            JsonPath log = deliveries(mis(school), subscription);
            assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"), log.getList("items.state"));
            assertTrue(log.getList("items.deliveryId").containsAll(got.stream().map(WebhookReceiver.Received::webhookId).toList()));
        }
    }

    /** INT-1: a receiver that is down gets the deliveries it missed once it is up, same ids, still in order. */
    @Test
    void int1_aDeliveryMissedWhileTheReceiverWasDownIsRetriedWithTheSameIdAndOrderHolds() {
        String school = "webhook-school-2";
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            String subscription = subscribe(mis(school), receiver, "staff.rostered", "staff.left");
            push(school, staff("d-1", "Ann", "Lee", null));
            push(school, staff("d-1", "Ann", "Lee", LocalDate.now().plusDays(5)));
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(mis(school), subscription)
                    .<Integer>getList("items.attempts").stream().anyMatch(attempts -> attempts >= 2));
            JsonPath failing = deliveries(mis(school), subscription);
            assertEquals(List.of("PENDING", "PENDING"), failing.getList("items.state"));
            // The later event of the record waits behind the earlier one: never tried before it.
            assertEquals(0, (int) failing.getInt("items[0].attempts"), "staff.left was tried before staff.rostered");
            receiver.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() >= 2);
            assertEquals(List.of("staff.rostered", "staff.left"),
                    receiver.accepted().stream().map(r -> r.json().get("type").asText()).toList());
            List<String> oldestFirst = new java.util.ArrayList<>(failing.getList("items.deliveryId", String.class));
            java.util.Collections.reverse(oldestFirst);
            assertEquals(oldestFirst,
                    receiver.accepted().stream().map(WebhookReceiver.Received::webhookId).toList());
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(mis(school), subscription)
                    .getList("items.state").equals(List.of("DELIVERED", "DELIVERED")));
        }
    }

    /** INT-1: retried until the window ends, then parked; a redelivery by hand sends it again with the same id. */
    @Test
    void int1_aDeliveryFailingForTheWholeWindowIsParkedAndRedeliveredByHand() {
        String school = "webhook-school-3";
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            receiver.failing(true);
            String subscription = subscribe(mis(school), receiver, "staff.rostered");
            push(school, staff("p-1", "Pat", "Lowe", null));
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(mis(school), subscription)
                    .getList("items.state").equals(List.of("PARKED")));
            JsonPath parked = deliveries(mis(school), subscription);
            assertTrue(parked.getInt("items[0].attempts") >= 3, "retried before it was parked");
            assertEquals(500, parked.getInt("items[0].lastStatus"));
            String deliveryId = parked.getString("items[0].deliveryId");
            int attemptsSeen = receiver.received().size();
            Thread.yield();
            assertEquals(attemptsSeen, receiver.received().size());

            receiver.failing(false);
            API.as(mis(school)).post(BASE + "/" + subscription + "/deliveries/" + deliveryId + "/redeliver")
                    .then().statusCode(202).body("state", equalTo("PENDING")).body("deliveryId", equalTo(deliveryId));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
            assertEquals(deliveryId, receiver.accepted().get(0).webhookId());
            assertTrue(receiver.received().stream().allMatch(r -> r.webhookId().equals(deliveryId)));
            assertEquals("DELIVERED", deliveries(mis(school), subscription).getString("items[0].state"));
        }
    }

    /** INT-1, INC-7: INTEGRATION may not subscribe to what it may not read; an unknown type is named. */
    @Test
    void int1_aTypeTheSubscribersRolesMayNotReadIsRefused() {
        String school = "webhook-school-4";
        String url = "http://127.0.0.1:9/hooks";
        String secret = WebhookSignature.newSecret();
        API.badInput(mis(school))
                .body(Map.of("url", url, "eventTypes", List.of("staff.left", "incident.reported"), "secret", secret))
                .put(BASE + "/" + UUID.randomUUID()).then().statusCode(422)
                .body("code", equalTo("WEBHOOK_TYPE_NOT_ALLOWED")).body("errors.field", hasItem("eventTypes[1]"));
        API.badInput(mis(school))
                .body(Map.of("url", url, "eventTypes", List.of("staff.sacked"), "secret", secret))
                .put(BASE + "/" + UUID.randomUUID()).then().statusCode(400)
                .body("errors.field", hasItem("eventTypes[0]"));
        API.badInput(mis(school))
                .body(Map.of("url", url, "eventTypes", List.of("staff.left"), "secret", "not-a-secret"))
                .put(BASE + "/" + UUID.randomUUID()).then().statusCode(400).body("errors.field", hasItem("secret"));
        API.badInput(TestTokens.bearer("staff-1", school, "STAFF"))
                .body(Map.of("url", url, "eventTypes", List.of("staff.left"), "secret", secret))
                .put(BASE + "/" + UUID.randomUUID()).then().statusCode(403);
        // SLT's subscription to incidents is not INTEGRATION's to read.
        String slt = TestTokens.bearer("slt-1", school, "SLT");
        String id = UUID.randomUUID().toString();
        API.as(slt).body(Map.of("url", url, "eventTypes", List.of("incident.reported"), "secret", secret))
                .put(BASE + "/" + id).then().statusCode(201);
        API.as(slt).body(Map.of("url", url, "eventTypes", List.of("incident.reported"), "secret", secret))
                .put(BASE + "/" + id).then().statusCode(200);
        API.as(slt).get(BASE).then().statusCode(200).body("items.id", hasItem(id));
        API.as(mis(school)).get(BASE).then().statusCode(200).body("items.id", not(hasItem(id)));
        API.as(mis(school)).get(BASE + "/" + id).then().statusCode(404);
        API.as(slt).delete(BASE + "/" + id).then().statusCode(204);
        API.as(slt).get(BASE + "/" + id).then().statusCode(404);
    }
}
