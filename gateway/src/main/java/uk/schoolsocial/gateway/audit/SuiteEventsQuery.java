package uk.schoolsocial.gateway.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.Problem;

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
                        @Nullable Instant from, @Nullable Instant to, SuiteCursor cursor, int limit) {

    static final int DEFAULT_LIMIT = 100;
    /** The parameters audit.yaml declares for {@code listSuiteEvents}; {@code school} is ActingSchool's. */
    static final Set<String> DECLARED = Set.of("service", "aggregateId", "type", "from", "to", "cursor",
            "limit", "school");
    private static final int MAX_TEXT = 255;

    /**
     * @param school the caller's school, which the cursor must have been made for
     * @throws InvalidQueryException naming every wrong parameter
     */
    static SuiteEventsQuery parse(HttpParameters parameters, RouteTable routes, String school) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<DownstreamService> services = services(parameters, routes, errors);
        String aggregateId = text(parameters, "aggregateId", errors);
        String type = text(parameters, "type", errors);
        Instant from = instant(parameters, "from", errors);
        Instant to = instant(parameters, "to", errors);
        int limit = limit(parameters, errors);
        String binding = SuiteCursor.binding(school, aggregateId, type, from, to);
        SuiteCursor cursor = SuiteCursor.start(binding);
        String given = single(parameters, "cursor", errors);
        if (given != null) {
            try {
                cursor = SuiteCursor.decode(given, routes.services().stream().map(DownstreamService::name)
                        .collect(Collectors.toSet()));
                if (errors.isEmpty() && !cursor.binding().equals(binding)) {
                    errors.add(new Problem.FieldError("cursor", "was given for other filters (aggregateId, type,"
                            + " from, to) or another school; ask for the first page again without it"));
                }
            } catch (SuiteCursor.InvalidCursorException e) {
                errors.add(new Problem.FieldError("cursor", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new SuiteEventsQuery(services, aggregateId, type, from, to, cursor, limit);
    }

    private static List<DownstreamService> services(HttpParameters parameters, RouteTable routes,
                                                    List<Problem.FieldError> errors) {
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
            routes.service(name).ifPresentOrElse(services::add, () -> errors.add(new Problem.FieldError("service",
                    "'" + name + "' is not a service of the suite; the services are " + String.join(", ",
                            routes.services().stream().map(DownstreamService::name).toList()))));
        }
        return services;
    }

    private static String text(HttpParameters parameters, String name, List<Problem.FieldError> errors) {
        String value = single(parameters, name, errors);
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError(name, "must be at most " + MAX_TEXT + " characters"));
        }
        return value;
    }

    private static Instant instant(HttpParameters parameters, String name, List<Problem.FieldError> errors) {
        String value = single(parameters, name, errors);
        if (value == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant with an offset, e.g."
                    + " 2026-11-21T09:00:00Z"));
            return null;
        }
    }

    private static int limit(HttpParameters parameters, List<Problem.FieldError> errors) {
        String value = single(parameters, "limit", errors);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= AuditFederation.SERVICE_MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to "
                + AuditFederation.SERVICE_MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /**
     * A single-valued parameter: absent is null; given twice or given empty ({@code from=}) is an
     * error (issue 11), never read as absent, so a client never gets a page it did not ask for.
     */
    @Nullable
    private static String single(HttpParameters parameters, String name, List<Problem.FieldError> errors) {
        List<String> values = parameters.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new Problem.FieldError(name, "must be given once"));
            return null;
        }
        if (values.get(0).isEmpty()) {
            errors.add(new Problem.FieldError(name, "must not be empty; leave the parameter out instead"));
            return null;
        }
        return values.get(0);
    }

    /** The request's parameters are wrong; every wrong one is named. */
    static final class InvalidQueryException extends RuntimeException {
        private final List<Problem.FieldError> errors;

        InvalidQueryException(List<Problem.FieldError> errors) {
            super(errors.toString());
            this.errors = List.copyOf(errors);
        }

        List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
