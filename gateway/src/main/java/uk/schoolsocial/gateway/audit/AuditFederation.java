package uk.schoolsocial.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The merged history of the suite (AUD-2, {@code listSuiteEvents} of audit.yaml): reads each
 * selected service's {@code GET /api/v1/audit/{service}/events} with the caller's filters and
 * internal token, in parallel, and merges the events by when they occurred (ties: service name,
 * then chain position), never reordering one service's events among themselves.
 *
 * <p>Each service is asked for up to {@code limit} events after its position, so a merged page of
 * {@code limit} can never run out of a service that has more before it is full: one round of calls
 * per page. A position that is part-way through a service page needs that page asked again, with
 * the events already taken skipped (at most two calls when the two together exceed a service's
 * page size).
 */
@Singleton
public final class AuditFederation {

    /** The largest page a service gives (platform's {@code AuditController}, audit.yaml {@code AuditLimit}). */
    static final int SERVICE_MAX_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditFederation.class);
    private static final Comparator<Taken> MERGE_ORDER = Comparator.comparing(Taken::occurredAt)
            .thenComparing(Taken::service)
            .thenComparingLong(Taken::seq);

    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    AuditFederation(HttpClient client) {
        this.client = client;
    }

    /**
     * One page of the merged history.
     *
     * @return the page, or an error {@link FederationException} naming every service that failed
     */
    Mono<Page> page(SuiteEventsQuery query, String internalToken, @Nullable String correlationId) {
        Call call = new Call(query, internalToken, correlationId);
        return Flux.fromIterable(query.services())
                .flatMap(service -> read(call, service, query.cursor().position(service.name()), query.limit(),
                        new ArrayList<>())
                        .<Outcome>map(slice -> slice)
                        .onErrorResume(failure -> Mono.just(ServiceFailure.of(service, failure))))
                .collectList()
                .flatMap(outcomes -> {
                    List<ServiceFailure> failures = outcomes.stream()
                            .filter(ServiceFailure.class::isInstance).map(ServiceFailure.class::cast)
                            .sorted(Comparator.comparing(ServiceFailure::service)).toList();
                    if (!failures.isEmpty()) {
                        return Mono.error(new FederationException(failures));
                    }
                    Map<String, Slice> slices = new TreeMap<>();
                    outcomes.forEach(outcome -> slices.put(((Slice) outcome).service(), (Slice) outcome));
                    return Mono.just(merge(slices, query.cursor(), query.limit()));
                });
    }

    /**
     * Takes up to {@code limit} events, always the earliest head among the services' next events;
     * a service's events stay in its own order.
     */
    static Page merge(Map<String, Slice> slices, SuiteCursor cursor, int limit) {
        Map<String, Integer> next = new HashMap<>();
        Map<String, SuiteCursor.Position> moved = new HashMap<>();
        List<ObjectNode> items = new ArrayList<>();
        while (items.size() < limit) {
            Optional<Taken> head = slices.values().stream()
                    .filter(slice -> next.getOrDefault(slice.service(), 0) < slice.events().size())
                    .map(slice -> slice.events().get(next.getOrDefault(slice.service(), 0)))
                    .min(MERGE_ORDER);
            if (head.isEmpty()) {
                break;
            }
            Taken event = head.get();
            items.add(event.item());
            next.merge(event.service(), 1, Integer::sum);
            moved.put(event.service(), event.after());
        }
        String nextCursor = items.size() < limit ? null : cursor.advanced(moved).encode();
        return new Page(items, nextCursor, limit);
    }

    /**
     * Up to {@code want} events of a service after {@code from}: asks from the position's service
     * cursor for the events already taken there and {@code want} more, and goes on to the next
     * service page while the service has more and fewer than {@code want} were found.
     */
    private Mono<Slice> read(Call call, DownstreamService service, SuiteCursor.Position from, int want,
                             List<Taken> found) {
        int size = Math.min(SERVICE_MAX_LIMIT, from.taken() + want);
        return get(call, service, from.cursor(), size).flatMap(page -> {
            List<ObjectNode> items = page.items();
            int end = Math.min(items.size(), from.taken() + want);
            for (int i = from.taken(); i < end; i++) {
                boolean lastOfPage = i + 1 == items.size();
                SuiteCursor.Position after = lastOfPage && page.nextCursor() != null
                        ? new SuiteCursor.Position(page.nextCursor(), 0)
                        : new SuiteCursor.Position(from.cursor(), i + 1);
                found.add(taken(service, items.get(i), after));
            }
            int got = Math.max(0, end - from.taken());
            if (page.nextCursor() == null || got == want) {
                return Mono.just(new Slice(service.name(), found));
            }
            SuiteCursor.Position rest = new SuiteCursor.Position(page.nextCursor(),
                    Math.max(0, from.taken() - items.size()));
            return read(call, service, rest, want - got, found);
        });
    }

    private Mono<ServicePage> get(Call call, DownstreamService service, @Nullable String cursor, int size) {
        SuiteEventsQuery query = call.query();
        UriBuilder uri = UriBuilder.of("/api/v1/audit/" + service.name() + "/events");
        if (query.aggregateId() != null) {
            uri.queryParam("aggregateId", query.aggregateId());
        }
        if (query.type() != null) {
            uri.queryParam("type", query.type());
        }
        if (query.from() != null) {
            uri.queryParam("from", query.from().toString());
        }
        if (query.to() != null) {
            uri.queryParam("to", query.to().toString());
        }
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        uri.queryParam("limit", size);
        MutableHttpRequest<?> request = HttpRequest.GET(service.target(uri.build()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + call.internalToken())
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (call.correlationId() != null) {
            request.header(CorrelationIdFilter.HEADER, call.correlationId());
        }
        return Mono.from(client.exchange(request, String.class)).map(response -> parse(service, response));
    }

    private ServicePage parse(DownstreamService service, HttpResponse<String> response) {
        try {
            JsonNode root = json.readTree(response.getBody().orElse(""));
            JsonNode items = root == null ? null : root.get("items");
            if (items == null || !items.isArray()) {
                throw new UnreadableAnswerException("no items");
            }
            List<ObjectNode> events = new ArrayList<>();
            for (JsonNode item : items) {
                if (!(item instanceof ObjectNode event)) {
                    throw new UnreadableAnswerException("an item that is not an object");
                }
                events.add(event);
            }
            JsonNode next = root.path("page").path("nextCursor");
            return new ServicePage(events, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
        } catch (IOException e) {
            throw new UnreadableAnswerException("not JSON: " + e.getMessage());
        }
    }

    private static Taken taken(DownstreamService service, ObjectNode item, SuiteCursor.Position after) {
        Instant occurredAt;
        try {
            occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(item.path("occurredAt").asText(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new UnreadableAnswerException("an event without an ISO-8601 occurredAt: " + item.path("eventId"));
        }
        return new Taken(service.name(), occurredAt, item.path("seq").asLong(), item, after);
    }

    /** What one request needs for all of its service calls. */
    private record Call(SuiteEventsQuery query, String internalToken, @Nullable String correlationId) {
    }

    /** A page as a service gave it. */
    private record ServicePage(List<ObjectNode> items, @Nullable String nextCursor) {
    }

    /** A service's events read for a merged page, or why they could not be. */
    sealed interface Outcome permits Slice, ServiceFailure {
    }

    /** A service's next events, oldest first, each with the position after it. */
    record Slice(String service, List<Taken> events) implements Outcome {
    }

    /** One event of a service, where it sorts and the service's position after it. */
    record Taken(String service, Instant occurredAt, long seq, ObjectNode item, SuiteCursor.Position after) {
    }

    /** A merged page: the events, and the cursor of the next page unless this one was not full. */
    record Page(List<ObjectNode> items, @Nullable String nextCursor, int limit) {
    }

    /**
     * Why a service's events could not be read.
     *
     * @param service     its name
     * @param kind        what went wrong
     * @param status      for {@link Kind#REFUSED} and {@link Kind#FAILED}, the status it answered
     * @param contentType for {@link Kind#REFUSED}, the type of its answer
     * @param body        for {@link Kind#REFUSED}, its answer (a problem), passed on to the caller
     */
    record ServiceFailure(String service, Kind kind, int status, @Nullable String contentType, @Nullable String body)
            implements Outcome {

        enum Kind { UNREACHABLE, TIMED_OUT, FAILED, REFUSED }

        static ServiceFailure of(DownstreamService service, Throwable failure) {
            if (failure instanceof HttpClientResponseException answered) {
                HttpResponse<?> response = answered.getResponse();
                int status = response.getStatus().getCode();
                if (status == 400 || status == 403) {
                    return new ServiceFailure(service.name(), Kind.REFUSED, status,
                            response.getContentType().map(MediaType::toString).orElse(null),
                            response.getBody(String.class).orElse(null));
                }
                LOG.warn("{} service answered the audit history with {}", service.name(), status);
                return new ServiceFailure(service.name(), Kind.FAILED, status, null, null);
            }
            LOG.warn("{} service at {} failed: {}", service.name(), service.url(), failure.toString());
            if (failure instanceof ReadTimeoutException) {
                return new ServiceFailure(service.name(), Kind.TIMED_OUT, 0, null, null);
            }
            if (failure instanceof UnreadableAnswerException) {
                return new ServiceFailure(service.name(), Kind.FAILED, 200, null, null);
            }
            return new ServiceFailure(service.name(), Kind.UNREACHABLE, 0, null, null);
        }
    }

    /** Services failed; every one of them is named. */
    static final class FederationException extends RuntimeException {
        private final List<ServiceFailure> failures;

        FederationException(List<ServiceFailure> failures) {
            super("audit history failed: " + failures);
            this.failures = List.copyOf(failures);
        }

        List<ServiceFailure> failures() {
            return failures;
        }
    }

    /** A service answered 200 with something that is not a page of events. */
    private static final class UnreadableAnswerException extends RuntimeException {
        UnreadableAnswerException(String message) {
            super(message);
        }
    }
}
