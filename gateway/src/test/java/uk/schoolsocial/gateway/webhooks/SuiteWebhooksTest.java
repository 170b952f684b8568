package uk.schoolsocial.gateway.webhooks;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * INT-1 through a real gateway: a subscription made once is stored in every service with one id and
 * one secret, shown once; a service's refusal is passed on with nothing stored; a service failing
 * part-way undoes what was stored; the delivery logs are merged, each naming its service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteWebhooksTest implements TestPropertyProvider {

    static final String DOWNSTREAM_PROPERTY = "test.webhooks-downstream";

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);

    private FakeWebhookController.Seen seen;

    @Override
    public Map<String, String> getProperties() {
        seen = GATEWAY.stubBean(FakeWebhookController.Seen.class);
        return GATEWAY.servicesAt("/fakes");
    }

    @BeforeEach
    void reset() {
        seen.reset();
    }

    @Test
    void int1_oneSubscriptionIsStoredInEveryServiceWithOneIdAndSecretShownOnce() {
        JsonPath created = GATEWAY.asJson("mis").body(Map.of("url", "https://mis.example.org/hooks", "eventTypes", List.of("staff.left")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201)
                .header("Location", startsWith("/api/v1/webhooks/subscriptions/"))
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertEquals(List.of("put account " + id, "put consent " + id, "put incident " + id), seen.calls);
        for (String service : List.of("account", "consent", "incident")) {
            assertEquals(secret, seen.stored.get(service + "/" + id).get("secret"), service);
        }
        JsonPath log = GATEWAY.asJson("mis").get("/api/v1/webhooks/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("incident", "account", "consent"), log.getList("items.service"), "latest first, named");
        GATEWAY.asJson("mis").delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(204);
        assertTrue(seen.stored.isEmpty());
        GATEWAY.asJson("mis").delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void int1_aRefusalIsPassedOnAndAFailurePartWayUndoesWhatWasStored() {
        GATEWAY.asJson("slt").body(Map.of("url", "https://refused.example/hooks", "eventTypes", List.of("staff.left")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                .body("code", equalTo("WEBHOOK_URL_REFUSED")).body("errors[0].field", equalTo("url"));
        assertEquals(1, seen.calls.size(), "the first service's refusal stops it: " + seen.calls);
        assertTrue(seen.stored.isEmpty());

        seen.calls.clear();
        seen.failing.add("incident");
        GATEWAY.asJson("slt").body(Map.of("url", "https://mis.example.org/hooks", "eventTypes", List.of("staff.left")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(502);
        assertTrue(seen.stored.isEmpty(), "stored where it succeeded, then deleted: " + seen.calls);
        assertEquals(2, seen.calls.stream().filter(call -> call.startsWith("delete")).count(), seen.calls.toString());
    }

    @Test
    void int1_onlySltAndIntegrationSubscribeAndTheBodyIsChecked() {
        GATEWAY.asJson("staff").body(Map.of("url", "https://mis.example.org/hooks", "eventTypes", List.of("staff.left")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(403);
        GATEWAY.asJson("mis").body(Map.of("url", "https://mis.example.org/hooks", "eventTypes", List.of("staff.left"),
                        "secret", "whsec_mine"))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("secret"));
        GATEWAY.asJson("mis").get("/api/v1/webhooks/subscriptions/not-a-uuid").then().statusCode(400);
        GATEWAY.asJson("mis").get("/api/v1/webhooks/elsewhere").then().statusCode(404);
        assertTrue(seen.calls.isEmpty(), seen.calls.toString());
    }
}
