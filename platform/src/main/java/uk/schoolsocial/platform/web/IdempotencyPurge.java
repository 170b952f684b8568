package uk.schoolsocial.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets idempotency records once a retry can no longer need them (AUD-4, issue 10): their stored
 * answers are copies of what the requests returned, names and narratives included. A key is kept
 * {@code smp.idempotency.keep} (24 hours, as payment APIs do); a retry after that runs as a new
 * request. Runs on Micronaut's scheduler on every instance; the delete is idempotent. A failed run
 * is retried at the next interval and shows in {@code /health} ({@code idempotencyPurge}), which
 * is DOWN once the purge has failed for longer than records are kept: from then on personal data
 * may be held past its retention.
 */
@Singleton
class IdempotencyPurge extends AbstractHealthIndicator<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final Duration keep;
    private final Clock clock;
    private volatile Instant lastSuccess;
    private volatile Instant failingSince;
    private volatile String lastError;

    IdempotencyPurge(IdempotencyStore store, @Value("${smp.idempotency.keep}") Duration keep, Clock clock) {
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "${smp.idempotency.purge-interval}", fixedDelay = "${smp.idempotency.purge-interval}")
    void run() {
        try {
            int forgotten = store.purge(keep);
            lastSuccess = clock.instant();
            failingSince = null;
            lastError = null;
            if (forgotten > 0) {
                LOG.info("Forgot {} idempotency records older than {}", forgotten, keep);
            }
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            lastError = e.getClass().getSimpleName();
            LOG.warn("Could not forget old idempotency records ({}); retried at the next interval, see /health",
                    lastError);
        }
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Instant since = failingSince;
        healthStatus = since != null && !clock.instant().isBefore(since.plus(keep)) ? HealthStatus.DOWN : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keep", keep.toString());
        details.put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString());
        details.put("failingSince", since == null ? null : since.toString());
        details.put("lastError", lastError);
        return details;
    }

    @Override
    protected String getName() {
        return "idempotencyPurge";
    }
}
