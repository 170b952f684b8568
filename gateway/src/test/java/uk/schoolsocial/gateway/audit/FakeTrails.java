package uk.schoolsocial.gateway.audit;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services' audit trails as {@link FakeAuditController} serves them: per service, events in
 * chain order (seq 1, 2, 3...), which a test appends to at any time, and the requests received.
 */
@Singleton
@Requires(property = SuiteEventsTest.DOWNSTREAM_PROPERTY, value = "true")
class FakeTrails {

    /** One stored event; {@code occurredAt} need not grow with {@code seq}, as in a real chain. */
    record Event(String service, long seq, String school, String aggregateId, String type, Instant occurredAt) {
        String id() {
            return service + ":" + seq;
        }
    }

    /** A request a service received: its query parameters and Authorization header. */
    record Seen(String service, Map<String, String> query, String authorization, String correlationId) {
    }

    private final Map<String, List<Event>> trails = new HashMap<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();

    synchronized void reset() {
        trails.clear();
        seen.clear();
        failing.clear();
    }

    synchronized Event add(String service, String school, String aggregateId, String type, Instant occurredAt) {
        List<Event> trail = trails.computeIfAbsent(service, name -> new ArrayList<>());
        Event event = new Event(service, trail.size() + 1, school, aggregateId, type, occurredAt);
        trail.add(event);
        return event;
    }

    /** Adds an event of {@code demo-school}. */
    Event add(String service, Instant occurredAt) {
        return add(service, "demo-school", "record-" + service, "SomethingHappenedEvent", occurredAt);
    }

    synchronized List<Event> all(String school) {
        return trails.values().stream().flatMap(List::stream).filter(event -> event.school().equals(school)).toList();
    }

    synchronized List<Event> page(String service, String school, String aggregateId, String type, Instant from,
                                  Instant to, long afterSeq, int limit) {
        return trails.getOrDefault(service, List.of()).stream()
                .filter(event -> event.seq() > afterSeq && event.school().equals(school))
                .filter(event -> aggregateId == null || aggregateId.equals(event.aggregateId()))
                .filter(event -> type == null || type.equals(event.type()))
                .filter(event -> from == null || !event.occurredAt().isBefore(from))
                .filter(event -> to == null || event.occurredAt().isBefore(to))
                .limit(limit)
                .toList();
    }

    synchronized void received(Seen request) {
        seen.add(request);
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized void fail(String service) {
        failing.add(service);
    }

    synchronized boolean failing(String service) {
        return failing.contains(service);
    }
}
