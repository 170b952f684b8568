package uk.schoolsocial.platform.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries (INT-1, decision 12), signed as Standard Webhooks specify, on every
 * instance: each claims its rows, so two never send the same one at once. A 2xx answer delivers;
 * anything else, or no answer, is tried again after a back-off doubling from
 * {@code smp.webhooks.initial-backoff} to {@code max-backoff}, until {@code retry-for} has passed
 * since the first attempt: then the delivery is parked until redelivered by hand. Redirects are not
 * followed. Logs ids and statuses only, never a URL, body or secret.
 */
@Singleton
class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookClaims claims;
    private final SubscriberAddresses addresses;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final MeterRegistry registry;

    WebhookDispatcher(WebhookClaims claims, SubscriberAddresses addresses, WebhookProperties properties, Clock clock,
                      MeterRegistry registry) {
        this.registry = registry;
        this.claims = claims;
        this.addresses = addresses;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelay = "${smp.webhooks.poll}", initialDelay = "${smp.webhooks.poll}")
    void run() {
        try {
            // Round after round while there is work: one record's next delivery is due once its previous one is out.
            while (!sendDue().isEmpty()) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook deliveries could not be sent ({}); tried again at the next poll", e.getClass().getSimpleName());
        }
    }

    /** One round: what was claimed and attempted. */
    List<WebhookClaims.Due> sendDue() {
        Instant now = clock.instant();
        List<WebhookClaims.Due> due = claims.claim(now, now.plus(properties.timeout().multipliedBy(3)), properties.batch());
        for (WebhookClaims.Due delivery : due) {
            send(delivery);
        }
        return due;
    }

    private void send(WebhookClaims.Due delivery) {
        Instant started = clock.instant();
        Optional<String> refusal = addresses.refusal(delivery.url());
        Integer status = null;
        String error;
        if (refusal.isPresent()) {
            error = "url " + refusal.get();
        } else {
            try {
                long timestamp = started.getEpochSecond();
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(properties.timeout())
                        .header("content-type", "application/json")
                        .header("user-agent", "school-social-webhooks")
                        .header("webhook-id", delivery.deliveryId())
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.deliveryId(),
                                timestamp, delivery.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build(),
                        HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                error = status >= 200 && status < 300 ? null : "HTTP " + status;
            } catch (IOException e) {
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        Instant now = clock.instant();
        if (error == null) {
            claims.attempted(delivery.position(), WebhookStore.State.DELIVERED, status, null, now, null);
            count("delivered");
            return;
        }
        Instant next = now.plus(properties.backoff(delivery.attempts() + 1));
        Instant windowStart = delivery.windowStart() == null ? started : delivery.windowStart();
        if (next.isAfter(windowStart.plus(properties.retryFor()))) {
            claims.attempted(delivery.position(), WebhookStore.State.PARKED, status, error, now, null);
            LOG.warn("Webhook delivery {} parked after {} attempts ({})", delivery.deliveryId(),
                    delivery.attempts() + 1, error);
            count("parked");
        } else {
            claims.attempted(delivery.position(), WebhookStore.State.PENDING, status, error, now, next);
            count("retry");
        }
    }

    /** {@code smp_webhooks_attempts_total{outcome}} (issue 14): delivered, retry (tried again later) or parked. */
    private void count(String outcome) {
        Counter.builder("smp.webhooks.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
