package uk.schoolsocial.gateway.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.authentication.Authentication;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.auth.Role;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problem;
import uk.schoolsocial.gateway.web.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/changes} (webhooks.yaml {@code listSuiteChanges}, issue 12): what changed in
 * every service of the caller's school since the MIS last asked, merged, from one opaque cursor
 * ({@link ChangeFederation}). INTEGRATION, SLT and AUDITOR, as the services' own feeds; the gateway
 * refuses anyone else before asking them.
 */
@Controller("/api/v1")
final class ChangesController {

    static final int DEFAULT_LIMIT = 50;
    private static final Set<Role> READERS = Set.of(Role.INTEGRATION, Role.SLT, Role.AUDITOR);
    private static final Set<String> DECLARED = Set.of("cursor", "limit");

    private final InternalTokenMinter minter;
    private final ChangeFederation federation;
    private final ObjectMapper json = new ObjectMapper();

    ChangesController(InternalTokenMinter minter, ChangeFederation federation) {
        this.minter = minter;
        this.federation = federation;
    }

    @Get("/changes")
    Mono<MutableHttpResponse<?>> changes(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.roles().stream().noneMatch(READERS::contains)) {
            return Mono.just(Problems.response(HttpStatus.FORBIDDEN,
                    "Only the school's MIS (INTEGRATION), SLT or an AUDITOR may read the change feed."));
        }
        var undeclared = Problems.undeclaredParameters(request, DECLARED);
        if (undeclared.isPresent()) {
            return Mono.just(undeclared.get());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        int limit = limit(request, errors);
        ChangesCursor cursor = ChangesCursor.start(caller.school());
        String given = single(request, "cursor", errors);
        if (given != null) {
            try {
                cursor = ChangesCursor.decode(given, caller.school(), federation.serviceNames());
            } catch (ChangesCursor.InvalidCursorException e) {
                errors.add(new Problem.FieldError("cursor", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.just(Problems.invalid(errors));
        }
        return federation.page(cursor, limit, minter.mint(caller), CorrelationIdFilter.of(request).orElse(null))
                .<MutableHttpResponse<?>>map(this::ok)
                .onErrorResume(ChangeFederation.FederationException.class,
                        failed -> Mono.just(failed(failed.failures())));
    }

    private static int limit(HttpRequest<?> request, List<Problem.FieldError> errors) {
        String value = single(request, "limit", errors);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= ChangeFederation.SERVICE_MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to "
                + ChangeFederation.SERVICE_MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** A single-valued parameter: absent is null; given twice or empty is an error, never read as absent. */
    private static String single(HttpRequest<?> request, String name, List<Problem.FieldError> errors) {
        List<String> values = request.getParameters().getAll(name);
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

    private MutableHttpResponse<?> ok(ChangeFederation.Page page) {
        ObjectNode body = json.createObjectNode();
        body.putArray("items").addAll(page.items());
        body.put("cursor", page.cursor());
        body.put("more", page.more());
        try {
            return HttpResponse.ok(json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a page of the change feed", e);
        }
    }

    /**
     * A service's refusal (400, 403) is the caller's to read, as the service gave it; otherwise
     * 502 (504 if every failed service was only too slow), naming each service that failed.
     */
    private static MutableHttpResponse<?> failed(List<ChangeFederation.ServiceFailure> failures) {
        for (ChangeFederation.ServiceFailure failure : failures) {
            if (failure.kind() == ChangeFederation.ServiceFailure.Kind.REFUSED) {
                MutableHttpResponse<String> refusal = HttpResponse.<String>status(HttpStatus.valueOf(failure.status()))
                        .body(failure.body() == null ? "" : failure.body());
                return failure.contentType() == null ? refusal : refusal.contentType(failure.contentType());
            }
        }
        boolean allSlow = failures.stream()
                .allMatch(failure -> failure.kind() == ChangeFederation.ServiceFailure.Kind.TIMED_OUT);
        String detail = failures.stream().map(failure -> switch (failure.kind()) {
            case UNREACHABLE -> "The " + failure.service() + " service cannot be reached.";
            case TIMED_OUT -> "The " + failure.service() + " service did not answer in time.";
            case FAILED, REFUSED -> "The " + failure.service() + " service could not give its changes (it answered "
                    + (failure.status() == 200 ? "something that is not a page of changes" : "HTTP " + failure.status())
                    + ").";
        }).collect(Collectors.joining(" "));
        return Problems.response(allSlow ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY, detail);
    }
}
