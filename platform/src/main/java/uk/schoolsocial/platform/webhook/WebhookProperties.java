package uk.schoolsocial.platform.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code smp.webhooks} (docs/integration.md): how deliveries are retried and where they may go.
 *
 * @param allowPrivateAddresses http and private, loopback and link-local addresses allowed (tests, a
 *                              suite on one machine); false by default
 * @param initialBackoff        the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff            the longest wait between two attempts
 * @param retryFor              how long a delivery is retried before it is parked (at least 24 h in production)
 * @param timeout               for connecting and for the subscriber's answer
 * @param batch                 deliveries claimed per round of the dispatcher
 */
@ConfigurationProperties("smp.webhooks")
public record WebhookProperties(boolean allowPrivateAddresses, Duration initialBackoff, Duration maxBackoff,
                                Duration retryFor, Duration timeout, int batch) {

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
