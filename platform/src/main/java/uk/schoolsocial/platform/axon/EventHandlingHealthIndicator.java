package uk.schoolsocial.platform.axon;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health} is DOWN while any event is parked in a dead-letter queue, or while a processor
 * is stuck retrying an event (issue 11): the read models then disagree with the events. The details
 * (shown to an authenticated caller, docs/operations.md) name for each the processor, the event
 * (type, id, aggregate, sequence number, position in its stream) and the error, never the payload.
 */
@Singleton
class EventHandlingHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    /** Parked events listed in the details; the counts cover all of them. */
    static final int LISTED = 20;
    /**
     * A processor counts as stuck from its second failed attempt on the same event: a single lost
     * deadlock, retried a second later, does not make the service DOWN.
     */
    static final int STUCK_AFTER_ATTEMPTS = 2;

    private final ParkedEvents parked;
    private final ProcessorFailures failures;

    EventHandlingHealthIndicator(ParkedEvents parked, ProcessorFailures failures) {
        this.parked = parked;
        this.failures = failures;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        ParkedEvents.Report report = parked.report(LISTED);
        List<ProcessorFailures.Failure> failing = failures.current();
        boolean stuck = failing.stream().anyMatch(f -> f.attempts() >= STUCK_AFTER_ATTEMPTS);
        healthStatus = report.total() == 0 && !stuck ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parked", report.total());
        details.put("parkedByProcessor", report.byProcessor());
        details.put("parkedEvents", report.events().stream().map(EventHandlingHealthIndicator::describe).toList());
        details.put("failingProcessors", failing.stream().map(EventHandlingHealthIndicator::describe).toList());
        return details;
    }

    static Map<String, Object> describe(ParkedEvents.ParkedEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("processor", event.processor());
        map.put("eventType", event.eventType());
        map.put("eventId", event.eventId());
        putIfKnown(map, "aggregateId", event.aggregateId());
        putIfKnown(map, "sequenceNumber", event.sequenceNumber());
        putIfKnown(map, "position", event.position());
        map.put("error", event.behind() ? "not tried: parked behind an earlier event of its aggregate" : event.error());
        map.put("parkedAt", event.parkedAt());
        return map;
    }

    static Map<String, Object> describe(ProcessorFailures.Failure failure) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("processor", failure.processor());
        map.put("eventType", failure.eventType());
        map.put("eventId", failure.eventId());
        putIfKnown(map, "aggregateId", failure.aggregateId());
        putIfKnown(map, "sequenceNumber", failure.sequenceNumber());
        putIfKnown(map, "position", failure.position());
        map.put("error", failure.error());
        map.put("attempts", failure.attempts());
        map.put("failingSince", failure.firstAt().toString());
        map.put("lastAttemptAt", failure.lastAt().toString());
        return map;
    }

    private static void putIfKnown(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    protected String getName() {
        return "eventHandling";
    }
}
