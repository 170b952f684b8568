package uk.schoolsocial.platform.audit;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /health} is DOWN while a committed event has been skipped or a processor is in error.
 * Health is probed often (the launcher, orchestrators); the check reads the gap journal and the
 * event tables, so its report is reused for {@link #FRESH_FOR}. {@code GET .../delivery} runs it afresh.
 */
@Singleton
class EventDeliveryHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final EventDeliveryCheck check;
    private final Clock clock;
    private volatile EventDeliveryCheck.Report last;
    private volatile Instant lastAt = Instant.MIN;

    EventDeliveryHealthIndicator(EventDeliveryCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(lastAt.plus(FRESH_FOR))) {
            last = check.run();
            lastAt = now;
        }
        EventDeliveryCheck.Report report = last;
        healthStatus = report.healthy() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("skipped", report.skipped(), "processors", report.processors());
    }

    @Override
    protected String getName() {
        return "eventDelivery";
    }
}
