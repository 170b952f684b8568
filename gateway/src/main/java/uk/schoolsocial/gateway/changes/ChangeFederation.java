package uk.schoolsocial.gateway.changes;

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
import uk.schoolsocial.gateway.routing.RouteTable;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * The suite's change feed for the school's MIS (issue 12, {@code listSuiteChanges}): reads each
 * feed-keeping service's own feed ({@link #FEEDS}) with the caller's internal token, in parallel,
 * and merges the entries by when they occurred (ties: service name), never reordering one
 * service's entries among themselves. Each service is asked for up to {@code limit} entries after
 * its position, so one round of calls fills a page (two where a position part-way through a
 * service page and the page size together exceed a service's largest page).
 */
@Singleton
public final class ChangeFederation {

    /** The largest page a service's feed gives (common.yaml {@code Limit}). */
    static final int SERVICE_MAX_LIMIT = 200;

    /** The services that keep a change feed, and its path. */
    static final Map<String, String> FEEDS = Map.of(
            "account", "/api/v1/accounts/changes",
            "consent", "/api/v1/consents/changes");

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFederation.class);
    private static final Comparator<Taken> MERGE_ORDER = Comparator.comparing(Taken::occurredAt)
            .thenComparing(Taken::service);

    private final HttpClient client;
    private final RouteTable routes;
    private final ObjectMapper json = new ObjectMapper();

    ChangeFederation(HttpClient client, RouteTable routes) {
        this.client = client;
        this.routes = routes;
    }

    /** The configured services that keep a feed, by name. */
    List<DownstreamService> services() {
        return routes.services().stream().filter(service -> FEEDS.containsKey(service.name())).toList();
    }

    Set<String> serviceNames() {
        return FEEDS.keySet();
    }

    /** One page of the merged feed, or an error {@link FederationException} naming every service that failed. */
    Mono<Page> page(ChangesCursor cursor, int limit, String internalToken, @Nullable String correlationId) {
        return Flux.fromIterable(services())
                .flatMap(service -> read(service, internalToken, correlationId, cursor.position(service.name()),
                        limit, new ArrayList<>())
                        .<Object>map(slice -> slice)
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
                    return Mono.just(merge(slices, cursor, limit));
                });
    }

    /** Takes up to {@code limit} entries, always the earliest head among the services' next entries. */
    static Page merge(Map<String, Slice> slices, ChangesCursor cursor, int limit) {
        Map<String, Integer> next = new HashMap<>();
        Map<String, ChangesCursor.Position> moved = new HashMap<>();
        List<ObjectNode> items = new ArrayList<>();
        while (items.size() < limit) {
            Optional<Taken> head = slices.values().stream()
                    .filter(slice -> next.getOrDefault(slice.service(), 0) < slice.changes().size())
                    .map(slice -> slice.changes().get(next.getOrDefault(slice.service(), 0)))
                    .min(MERGE_ORDER);
            if (head.isEmpty()) {
                break;
            }
            Taken change = head.get();
            items.add(change.item());
            next.merge(change.service(), 1, Integer::sum);
            moved.put(change.service(), change.after());
        }
        boolean more = slices.values().stream().anyMatch(slice -> slice.more()
                || next.getOrDefault(slice.service(), 0) < slice.changes().size());
        return new Page(items, cursor.advanced(moved).encode(), more);
    }

    /**
     * Up to {@code want} entries of a service after {@code from}: asks from the position's service
     * cursor for the entries already taken there and {@code want} more, and goes on to the service's
     * next page while it has more and fewer than {@code want} were found.
     */
    private Mono<Slice> read(DownstreamService service, String token, @Nullable String correlationId,
                             ChangesCursor.Position from, int want, List<Taken> found) {
        int size = Math.min(SERVICE_MAX_LIMIT, from.taken() + want);
        return get(service, token, correlationId, from.cursor(), size).flatMap(page -> {
            List<ObjectNode> items = page.items();
            int end = Math.min(items.size(), from.taken() + want);
            for (int i = from.taken(); i < end; i++) {
                ChangesCursor.Position after = i + 1 == items.size()
                        ? new ChangesCursor.Position(page.cursor(), 0)
                        : new ChangesCursor.Position(from.cursor(), i + 1);
                found.add(taken(service, items.get(i), after));
            }
            int got = Math.max(0, end - from.taken());
            if (!page.more() || got == want) {
                return Mono.just(new Slice(service.name(), found, page.more() || end < items.size()));
            }
            ChangesCursor.Position rest = new ChangesCursor.Position(page.cursor(),
                    Math.max(0, from.taken() - items.size()));
            return read(service, token, correlationId, rest, want - got, found);
        });
    }

    private Mono<ServicePage> get(DownstreamService service, String token, @Nullable String correlationId,
                                  @Nullable String cursor, int size) {
        UriBuilder uri = UriBuilder.of(FEEDS.get(service.name()));
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        uri.queryParam("limit", size);
        MutableHttpRequest<?> request = HttpRequest.GET(service.target(uri.build()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (correlationId != null) {
            request.header(CorrelationIdFilter.HEADER, correlationId);
        }
        return Mono.from(client.exchange(request, String.class)).map(this::parse);
    }

    private ServicePage parse(HttpResponse<String> response) {
        try {
            JsonNode root = json.readTree(response.getBody().orElse(""));
            JsonNode items = root == null ? null : root.get("items");
            JsonNode cursor = root == null ? null : root.get("cursor");
            if (items == null || !items.isArray() || cursor == null || !cursor.isTextual()) {
                throw new UnreadableAnswerException("no items or no cursor");
            }
            List<ObjectNode> changes = new ArrayList<>();
            for (JsonNode item : items) {
                if (!(item instanceof ObjectNode change)) {
                    throw new UnreadableAnswerException("an item that is not an object");
                }
                changes.add(change);
            }
            return new ServicePage(changes, cursor.asText(), root.path("more").asBoolean(false));
        } catch (IOException e) {
            throw new UnreadableAnswerException("not JSON: " + e.getMessage());
        }
    }

    private static Taken taken(DownstreamService service, ObjectNode item, ChangesCursor.Position after) {
        Instant occurredAt;
        try {
            occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(item.path("occurredAt").asText(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new UnreadableAnswerException("a change without an ISO-8601 occurredAt");
        }
        return new Taken(service.name(), occurredAt, item, after);
    }

    /** A page as a service gave it. */
    private record ServicePage(List<ObjectNode> items, String cursor, boolean more) {
    }

    /** A service's next entries, oldest first, each with the position after it, and whether it has more. */
    record Slice(String service, List<Taken> changes, boolean more) {
    }

    /** One entry of a service, where it sorts and the service's position after it. */
    record Taken(String service, Instant occurredAt, ObjectNode item, ChangesCursor.Position after) {
    }

    /** A merged page: the entries, the cursor to read on from (always), and whether more are there. */
    record Page(List<ObjectNode> items, String cursor, boolean more) {
    }

    /**
     * Why a service's feed could not be read.
     *
     * @param status      for {@link Kind#REFUSED} and {@link Kind#FAILED}, the status it answered
     * @param contentType for {@link Kind#REFUSED}, the type of its answer
     * @param body        for {@link Kind#REFUSED}, its answer (a problem), passed on to the caller
     */
    record ServiceFailure(String service, Kind kind, int status, @Nullable String contentType, @Nullable String body) {

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
                LOG.warn("{} service answered its change feed with {}", service.name(), status);
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
            super("change feed failed: " + failures);
            this.failures = List.copyOf(failures);
        }

        List<ServiceFailure> failures() {
            return failures;
        }
    }

    /** A service answered 200 with something that is not a page of changes. */
    private static final class UnreadableAnswerException extends RuntimeException {
        UnreadableAnswerException(String message) {
            super(message);
        }
    }
}
