package uk.schoolsocial.gateway.audit;

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
import uk.schoolsocial.gateway.auth.ActingSchool;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.auth.Role;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/audit/events} (audit.yaml {@code listSuiteEvents}): the history of every
 * service of the caller's school (or, with {@code school}, of a school their token grants across a
 * trust), merged, served by the gateway itself ({@link AuditFederation}). AUDITOR and SLT only; the gateway refuses anyone else before asking the services, which would
 * refuse them too. Authentication is the security filter's ({@code /api/**} needs a caller).
 */
@Controller("/api/v1/audit")
final class SuiteEventsController {

    private static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.SLT);

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final AuditFederation federation;
    private final ObjectMapper json = new ObjectMapper();

    SuiteEventsController(RouteTable routes, InternalTokenMinter minter, AuditFederation federation) {
        this.routes = routes;
        this.minter = minter;
        this.federation = federation;
    }

    @Get("/events")
    Mono<MutableHttpResponse<?>> events(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.roles().stream().noneMatch(READERS::contains)) {
            return Mono.just(Problems.response(HttpStatus.FORBIDDEN,
                    "Only an AUDITOR or SLT may read the audit trail."));
        }
        var undeclared = Problems.undeclaredParameters(request, SuiteEventsQuery.DECLARED);
        if (undeclared.isPresent()) {
            return Mono.just(undeclared.get());
        }
        ActingSchool.Outcome outcome = ActingSchool.of(caller, request);
        if (outcome instanceof ActingSchool.Outcome.Refused refused) {
            return Mono.just(refused.response());
        }
        caller = ((ActingSchool.Outcome.Acting) outcome).caller();
        SuiteEventsQuery query;
        try {
            query = SuiteEventsQuery.parse(request.getParameters(), routes, caller.school());
        } catch (SuiteEventsQuery.InvalidQueryException e) {
            return Mono.just(Problems.invalid(e.errors()));
        }
        return federation.page(query, minter.mint(caller), CorrelationIdFilter.of(request).orElse(null))
                .<MutableHttpResponse<?>>map(this::ok)
                .onErrorResume(AuditFederation.FederationException.class,
                        failed -> Mono.just(failed(failed.failures())));
    }

    private MutableHttpResponse<?> ok(AuditFederation.Page page) {
        ObjectNode body = json.createObjectNode();
        body.putArray("items").addAll(page.items());
        ObjectNode info = body.putObject("page");
        if (page.nextCursor() != null) {
            info.put("nextCursor", page.nextCursor());
        }
        info.put("limit", page.limit());
        try {
            return HttpResponse.ok(json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a page of the audit history", e);
        }
    }

    /**
     * A service's refusal (400, 403) is the caller's to read, as the service gave it; otherwise
     * 502 (504 if every failed service was only too slow), naming each service that failed.
     */
    private static MutableHttpResponse<?> failed(List<AuditFederation.ServiceFailure> failures) {
        for (AuditFederation.ServiceFailure failure : failures) {
            if (failure.kind() == AuditFederation.ServiceFailure.Kind.REFUSED) {
                MutableHttpResponse<String> refusal = HttpResponse.<String>status(HttpStatus.valueOf(failure.status()))
                        .body(failure.body() == null ? "" : failure.body());
                return failure.contentType() == null ? refusal : refusal.contentType(failure.contentType());
            }
        }
        boolean allSlow = failures.stream()
                .allMatch(failure -> failure.kind() == AuditFederation.ServiceFailure.Kind.TIMED_OUT);
        String detail = failures.stream().map(SuiteEventsController::describe).collect(Collectors.joining(" "));
        return Problems.response(allSlow ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY, detail);
    }

    private static String describe(AuditFederation.ServiceFailure failure) {
        return switch (failure.kind()) {
            case UNREACHABLE -> "The " + failure.service() + " service cannot be reached.";
            case TIMED_OUT -> "The " + failure.service() + " service did not answer in time.";
            case FAILED, REFUSED -> "The " + failure.service() + " service could not give its audit events (it"
                    + " answered " + (failure.status() == 200 ? "something that is not a page of events" : "HTTP "
                    + failure.status()) + ").";
        };
    }
}
