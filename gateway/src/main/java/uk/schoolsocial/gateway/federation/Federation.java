package uk.schoolsocial.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.federation.FederatedCursor.Position;
import uk.schoolsocial.gateway.federation.FederatedRead.ServicePage;
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
 * Reads the services' pages of one {@link FederatedRead} with the caller's internal token, in
 * parallel, and merges the entries by when they occurred (ties: service name; each service has
 * one head, so that orders them fully), never reordering one service's entries among themselves.
 *
 * <p>Each service is asked for up to {@code limit} entries after its position, so a merged page of
 * {@code limit} can never run out of a service that has more before it is full: one round of calls
 * per page. A position part-way through a service page needs that page asked again, with the
 * entries already taken skipped (at most two calls when the two together exceed a service's page).
 */
@Singleton
public final class Federation {

    private static final Comparator<Taken> MERGE_ORDER = Comparator.comparing(Taken::occurredAt)
            .thenComparing(Taken::service);

    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    Federation(HttpClient client) {
        this.client = client;
    }

    /**
     * One merged page.
     *
     * @return the page, or an error {@link FederationException} naming every service that failed
     */
    Mono<Page> page(FederatedRead read, String internalToken, @Nullable String correlationId) {
        return Flux.fromIterable(read.services())
                .flatMap(service -> slice(read, service, internalToken, correlationId,
                        read.cursor().position(service.name()), read.limit(), new ArrayList<>())
                        .<Object>map(slice -> slice)
                        .onErrorResume(failure -> Mono.just(ServiceFailure.of(service, read.terms().name(),
                                failure))))
                .collectList()
                .flatMap(outcomes -> {
                    List<ServiceFailure> failures = outcomes.stream()
                            .filter(ServiceFailure.class::isInstance).map(ServiceFailure.class::cast)
                            .sorted(Comparator.comparing(ServiceFailure::service)).toList();
                    if (!failures.isEmpty()) {
                        return Mono.error(new FederationException(read.terms().name(), failures));
                    }
                    Map<String, Slice> slices = new TreeMap<>();
                    outcomes.forEach(outcome -> slices.put(((Slice) outcome).service(), (Slice) outcome));
                    return Mono.just(merge(slices, read.cursor(), read.limit()));
                });
    }

    /**
     * The answer to a merged read: its page as JSON, as the read writes it; if services failed, the
     * answer naming them ({@link ServiceFailure#response}).
     */
    public Mono<MutableHttpResponse<?>> answer(FederatedRead read, String internalToken,
                                               @Nullable String correlationId) {
        return page(read, internalToken, correlationId).<MutableHttpResponse<?>>map(page -> {
            ObjectNode body = json.createObjectNode();
            read.write(page, body);
            try {
                return HttpResponse.ok(json.writeValueAsString(body))
                        .contentType(MediaType.APPLICATION_JSON_TYPE);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a page of " + read.terms().name(), e);
            }
        }).onErrorResume(FederationException.class, failed -> Mono.just(ServiceFailure.response(failed.failures(),
                read.terms().entries(), read.terms().pageName())));
    }

    /** Takes up to {@code limit} entries, always the earliest head among the services' next entries. */
    static Page merge(Map<String, Slice> slices, FederatedCursor cursor, int limit) {
        Map<String, Integer> next = new HashMap<>();
        Map<String, Position> moved = new HashMap<>();
        List<ObjectNode> items = new ArrayList<>();
        while (items.size() < limit) {
            Optional<Taken> head = slices.values().stream()
                    .filter(slice -> next.getOrDefault(slice.service(), 0) < slice.entries().size())
                    .map(slice -> slice.entries().get(next.getOrDefault(slice.service(), 0)))
                    .min(MERGE_ORDER);
            if (head.isEmpty()) {
                break;
            }
            Taken entry = head.get();
            items.add(entry.item());
            next.merge(entry.service(), 1, Integer::sum);
            moved.put(entry.service(), entry.after());
        }
        boolean more = slices.values().stream().anyMatch(slice -> slice.more()
                || next.getOrDefault(slice.service(), 0) < slice.entries().size());
        return new Page(items, cursor.advanced(moved).encode(), more);
    }

    /**
     * Up to {@code want} entries of a service after {@code from}: asks from the position's service
     * cursor for the entries already taken there and {@code want} more, and goes on to the service's
     * next page while it has more and fewer than {@code want} were found.
     */
    private Mono<Slice> slice(FederatedRead read, DownstreamService service, String token,
                             @Nullable String correlationId, Position from, int want, List<Taken> found) {
        int size = Math.min(read.terms().serviceMaxLimit(), from.taken() + want);
        return get(read, service, token, correlationId, from.cursor(), size).flatMap(page -> {
            List<ObjectNode> items = page.items();
            int end = Math.min(items.size(), from.taken() + want);
            for (int i = from.taken(); i < end; i++) {
                Position after = i + 1 == items.size() && page.cursor() != null
                        ? new Position(page.cursor(), 0)
                        : new Position(from.cursor(), i + 1);
                found.add(taken(service, items.get(i), after));
            }
            int got = Math.max(0, end - from.taken());
            if (!page.more() || got == want) {
                return Mono.just(new Slice(service.name(), found, page.more() || end < items.size()));
            }
            Position rest = new Position(page.cursor(), Math.max(0, from.taken() - items.size()));
            return slice(read, service, token, correlationId, rest, want - got, found);
        });
    }

    private Mono<ServicePage> get(FederatedRead read, DownstreamService service, String token,
                                  @Nullable String correlationId, @Nullable String cursor, int size) {
        UriBuilder uri = read.uri(service);
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
        return Mono.from(client.exchange(request, String.class)).map(response -> parse(read, response));
    }

    private ServicePage parse(FederatedRead read, HttpResponse<String> response) {
        try {
            JsonNode root = json.readTree(response.getBody().orElse(""));
            JsonNode items = root == null ? null : root.get("items");
            if (items == null || !items.isArray()) {
                throw new UnreadableAnswerException("no items");
            }
            List<ObjectNode> entries = new ArrayList<>();
            for (JsonNode item : items) {
                if (!(item instanceof ObjectNode entry)) {
                    throw new UnreadableAnswerException("an item that is not an object");
                }
                entries.add(entry);
            }
            ServicePage page = read.page(root, entries);
            if (page == null) {
                throw new UnreadableAnswerException("not a page of " + read.terms().name());
            }
            return page;
        } catch (IOException e) {
            throw new UnreadableAnswerException("not JSON: " + e.getMessage());
        }
    }

    private static Taken taken(DownstreamService service, ObjectNode item, Position after) {
        Instant occurredAt;
        try {
            occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(item.path("occurredAt").asText(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new UnreadableAnswerException("an entry without an ISO-8601 occurredAt");
        }
        return new Taken(service.name(), occurredAt, item, after);
    }

    /** A service's next entries, oldest first, each with the position after it, and whether it has more. */
    record Slice(String service, List<Taken> entries, boolean more) {
    }

    /** One entry of a service, where it sorts and the service's position after it. */
    record Taken(String service, Instant occurredAt, ObjectNode item, Position after) {
    }

    /**
     * A merged page.
     *
     * @param items  the entries, in merged order
     * @param cursor where the page ends, to read on from
     * @param more   whether any service had entries the page did not take
     */
    public record Page(List<ObjectNode> items, String cursor, boolean more) {
    }

    /** Services failed; every one of them is named. */
    static final class FederationException extends RuntimeException {
        private final transient List<ServiceFailure> failures;

        FederationException(String read, List<ServiceFailure> failures) {
            super(read + " failed: " + failures);
            this.failures = List.copyOf(failures);
        }

        List<ServiceFailure> failures() {
            return failures;
        }
    }

    /** A service answered 200 with something that is not a page of the read. */
    static final class UnreadableAnswerException extends RuntimeException {
        UnreadableAnswerException(String message) {
            super(message);
        }
    }
}
