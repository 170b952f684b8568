package uk.schoolsocial.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** INT-1: signatures a subscriber's Standard Webhooks library accepts; the retry schedule; which addresses are public. */
class WebhookSigningAndBackoffTest {

    @Test
    void int1_aSignatureVerifiesWithTheStandardWebhooksLibraryAndNotWhenTheBodyChanges() throws Exception {
        String secret = WebhookSignature.newSecret();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"staff.left\",\"data\":{\"recordId\":\"s-1\"}}";
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("d-1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSignature.sign(secret, "d-1", now, body)));
        new Webhook(secret).verify(body, headers);
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(body.replace("s-1", "s-2"), headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(WebhookSignature.newSecret()).verify(body, headers));
    }

    @Test
    void int1_secretsAreWhsecAndBase64OfEnoughRandomBytes() {
        assertTrue(WebhookSignature.valid(WebhookSignature.newSecret()));
        assertFalse(WebhookSignature.valid("whsec_c2hvcnQ="));
        assertFalse(WebhookSignature.valid("secret"));
        assertFalse(WebhookSignature.valid("whsec_not base64!"));
    }

    @Test
    void int1_theWaitDoublesFromTheFirstUpToTheLongest() {
        WebhookProperties properties = new WebhookProperties(false, Duration.ofSeconds(30), Duration.ofHours(4),
                Duration.ofHours(25), Duration.ofSeconds(10), 50);
        assertEquals(Duration.ofSeconds(30), properties.backoff(1));
        assertEquals(Duration.ofSeconds(60), properties.backoff(2));
        assertEquals(Duration.ofMinutes(2), properties.backoff(3));
        assertEquals(Duration.ofHours(4), properties.backoff(12));
        assertEquals(Duration.ofHours(4), properties.backoff(500));
        // At least 24 hours of attempts before a delivery is parked (issue 12).
        Duration total = Duration.ZERO;
        int attempts = 1;
        while (total.plus(properties.backoff(attempts)).compareTo(properties.retryFor()) <= 0) {
            total = total.plus(properties.backoff(attempts++));
        }
        assertTrue(total.compareTo(Duration.ofHours(24)) >= 0, "retried for " + total);
    }

    @Test
    void int1_onlyPublicAddressesArePublic() throws Exception {
        for (String address : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd12::1", "224.0.0.1", "240.0.0.1")) {
            assertFalse(SubscriberAddresses.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("93.184.215.14", "8.8.8.8", "2606:4700::6810:84e5", "172.32.0.1")) {
            assertTrue(SubscriberAddresses.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
