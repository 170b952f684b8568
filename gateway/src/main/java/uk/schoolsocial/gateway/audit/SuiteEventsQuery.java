package uk.schoolsocial.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.uri.UriBuilder;
import uk.schoolsocial.gateway.federation.FederatedCursor;
import uk.schoolsocial.gateway.federation.FederatedRead;
import uk.schoolsocial.gateway.federation.Federation;
import uk.schoolsocial.gateway.federation.PageParameters;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.platform.error.FieldError;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET /api/v1/audit/events} (audit.yaml {@code listSuiteEvents}),
 * checked as the spec defines them, so that what reaches the services is valid and a mistake is
 * answered once, naming the parameter, rather than once per service.
 *
 * @param services    the services to read, by name; all of them when the request names none
 * @param aggregateId only this record's events
 * @param type        only events of this simple type name
 * @param from        only events that occurred at or after
 * @param to          only events that occurred before
 * @param cursor      where the previous page ended (the start when none was given)
 * @param limit       at most this many events
 */
record SuiteEventsQuery(List<DownstreamService> services, @Nullable String aggregateId, @Nullable String type,
                        @Nullable Instant from, @Nullable Instant to, FederatedCursor cursor, int limit)
        implements FederatedRead {

    static final int DEFAULT_LIMIT = 100;
    /** The largest page a service gives (platform's {@code AuditController}, audit.yaml {@code AuditLimit}). */
    static final int SERVICE_MAX_LIMIT = 1000;
    private static final Terms TERMS = new Terms("the audit history", "its audit events", "a page of events",
            SERVICE_MAX_LIMIT);
    /** The parameters audit.yaml declares for {@code listSuiteEvents}; {@code school} is ActingSchool's. */
    static final Set<String> DECLARED = Set.of("service", "aggregateId", "type", "from", "to", "cursor",
            "limit", "school");
    private static final int MAX_TEXT = 255;

    /**
     * @param school the caller's school, which the cursor must have been made for
     * @throws InvalidQueryException naming every wrong parameter
     */
    static SuiteEventsQuery parse(HttpParameters parameters, RouteTable routes, String school) {
        List<FieldError> errors = new ArrayList<>();
        List<DownstreamService> services = services(parameters, routes, errors);
        String aggregateId = text(parameters, "aggregateId", errors);
        String type = text(parameters, "type", errors);
        Instant from = instant(parameters, "from", errors);
        Instant to = instant(parameters, "to", errors);
        int limit = PageParameters.limit(parameters, DEFAULT_LIMIT, SERVICE_MAX_LIMIT, errors);
        String binding = SuiteCursor.binding(school, aggregateId, type, from, to);
        FederatedCursor cursor = FederatedCursor.start(binding);
        String given = PageParameters.single(parameters, "cursor", errors);
        if (given != null) {
            try {
                cursor = SuiteCursor.decode(given, routes.services().stream().map(DownstreamService::name)
                        .collect(Collectors.toSet()));
                if (errors.isEmpty() && !cursor.binding().equals(binding)) {
                    errors.add(new FieldError("cursor", "was given for other filters (aggregateId, type,"
                            + " from, to) or another school; ask for the first page again without it"));
                }
            } catch (FederatedCursor.InvalidCursorException e) {
                errors.add(new FieldError("cursor", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new SuiteEventsQuery(services, aggregateId, type, from, to, cursor, limit);
    }

    private static List<DownstreamService> services(HttpParameters parameters, RouteTable routes,
                                                    List<FieldError> errors) {
        Set<String> named = new TreeSet<>();
        parameters.getAll("service").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .forEach(named::add);
        if (named.isEmpty()) {
            return routes.services();
        }
        List<DownstreamService> services = new ArrayList<>();
        for (String name : named) {
            routes.service(name).ifPresentOrElse(services::add, () -> errors.add(new FieldError("service",
                    "'" + name + "' is not a service of the suite; the services are " + String.join(", ",
                            routes.services().stream().map(DownstreamService::name).toList()))));
        }
        return services;
    }

    private static String text(HttpParameters parameters, String name, List<FieldError> errors) {
        String value = PageParameters.single(parameters, name, errors);
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(name, "must be at most " + MAX_TEXT + " characters"));
        }
        return value;
    }

    private static Instant instant(HttpParameters parameters, String name, List<FieldError> errors) {
        String value = PageParameters.single(parameters, name, errors);
        if (value == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant with an offset, e.g."
                    + " 2026-11-21T09:00:00Z"));
            return null;
        }
    }

    @Override
    public Terms terms() {
        return TERMS;
    }

    /**
     * {@code items}, and in {@code page} the {@code limit} and the {@code nextCursor} only when the
     * page is full: a page that is not is the last for now.
     */
    @Override
    public void write(Federation.Page page, ObjectNode body) {
        body.putArray("items").addAll(page.items());
        ObjectNode info = body.putObject("page");
        if (page.items().size() == limit) {
            info.put("nextCursor", page.cursor());
        }
        info.put("limit", limit);
    }

    /** A service's {@code GET /api/v1/audit/{service}/events}, with the caller's filters. */
    @Override
    public UriBuilder uri(DownstreamService service) {
        UriBuilder uri = UriBuilder.of("/api/v1/audit/" + service.name() + "/events");
        if (aggregateId != null) {
            uri.queryParam("aggregateId", aggregateId);
        }
        if (type != null) {
            uri.queryParam("type", type);
        }
        if (from != null) {
            uri.queryParam("from", from.toString());
        }
        if (to != null) {
            uri.queryParam("to", to.toString());
        }
        return uri;
    }

    /** A service's page names the next one in {@code page.nextCursor}, absent (or empty) after its last. */
    @Override
    public ServicePage page(JsonNode root, List<ObjectNode> items) {
        JsonNode next = root.path("page").path("nextCursor");
        String cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        return new ServicePage(items, cursor, cursor != null);
    }

    /** The request's parameters are wrong; every wrong one is named. */
    static final class InvalidQueryException extends RuntimeException {
        private final List<FieldError> errors;

        InvalidQueryException(List<FieldError> errors) {
            super(errors.toString());
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }
}
