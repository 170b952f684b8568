package uk.schoolsocial.gateway.webhooks;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each service's part of the webhook API as platform's {@code WebhookController} answers it
 * (webhooks.yaml): subscriptions stored per service; a URL on {@code refused.example} refused with
 * 422; a service made to fail on demand. Below {@code /fakes}, the path of the configured service URLs.
 */
@Requires(property = SuiteWebhooksTest.DOWNSTREAM_PROPERTY, value = "true")
@Controller("/fakes/api/v1/webhooks/services/{service}/subscriptions")
class FakeWebhookController {

    /** What the fake services saw and hold. */
    @Singleton
    @Requires(property = SuiteWebhooksTest.DOWNSTREAM_PROPERTY, value = "true")
    static class Seen {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        /** By {@code service/id}: the body stored. */
        final Map<String, Map<String, Object>> stored = new ConcurrentHashMap<>();

        void reset() {
            calls.clear();
            failing.clear();
            stored.clear();
        }
    }

    private final Seen seen;

    FakeWebhookController(Seen seen) {
        this.seen = seen;
    }

    @Put("/{id}")
    HttpResponse<?> put(String service, String id, @Body Map<String, Object> body) {
        seen.calls.add("put " + service + " " + id);
        if (seen.failing.contains(service)) {
            return HttpResponse.serverError();
        }
        if (String.valueOf(body.get("url")).contains("refused.example")) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("status", 422,
                    "code", "WEBHOOK_URL_REFUSED", "title", "Unprocessable Entity",
                    "type", "https://schoolsocial.uk/problems/rule-violated", "detail", "The url resolves to a private address",
                    "errors", List.of(Map.of("field", "url", "message", "resolves to a private address"))));
        }
        seen.stored.put(service + "/" + id, body);
        return HttpResponse.created(Map.of("id", id, "url", body.get("url"), "eventTypes", body.get("eventTypes"),
                "createdAt", "2026-12-05T10:15:00Z"));
    }

    @Get("/{id}/deliveries")
    HttpResponse<?> deliveries(String service, String id) {
        if (!seen.stored.containsKey(service + "/" + id)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(Map.of("items", List.of(Map.of("deliveryId", "d-" + service, "subscriptionId", id,
                "eventId", "e-" + service, "eventType", "staff.left", "recordId", "r-1", "state", "DELIVERED",
                "attempts", 1, "createdAt", "2026-12-05T10:1" + service.length() + ":00Z",
                "nextAttemptAt", "2026-12-05T10:15:00Z"))));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(String service, String id) {
        seen.calls.add("delete " + service + " " + id);
        return seen.stored.remove(service + "/" + id) == null ? HttpResponse.notFound() : HttpResponse.noContent();
    }
}
