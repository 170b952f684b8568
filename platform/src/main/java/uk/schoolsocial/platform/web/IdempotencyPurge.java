package uk.schoolsocial.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets idempotency records once a retry can no longer need them (AUD-4, issue 10): their stored
 * answers are copies of what the requests returned, names and narratives included. A key is kept
 * {@code smp.idempotency.keep} (24 hours, as payment APIs do); a retry after that runs as a new
 * request. Runs on Micronaut's scheduler on every instance; the delete is idempotent.
 */
@Singleton
class IdempotencyPurge {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final Duration keep;

    IdempotencyPurge(IdempotencyStore store, @Value("${smp.idempotency.keep}") Duration keep) {
        this.store = store;
        this.keep = keep;
    }

    @Scheduled(initialDelay = "${smp.idempotency.purge-interval}", fixedDelay = "${smp.idempotency.purge-interval}")
    void run() {
        try {
            int forgotten = store.purge(keep);
            if (forgotten > 0) {
                LOG.info("Forgot {} idempotency records older than {}", forgotten, keep);
            }
        } catch (RuntimeException e) {
            // the next run tries again; nothing is lost by waiting
            LOG.warn("Could not forget old idempotency records: {}", e.getMessage());
        }
    }
}
