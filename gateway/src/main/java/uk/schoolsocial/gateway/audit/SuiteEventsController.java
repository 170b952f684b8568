package uk.schoolsocial.gateway.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.authentication.Authentication;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.auth.ActingSchool;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.federation.Federation;
import uk.schoolsocial.gateway.federation.PageParameters;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.identity.Role;

import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/audit/events} (audit.yaml {@code listSuiteEvents}): the history of every
 * service of the caller's school (or, with {@code school}, of a school their token grants across a
 * trust), merged, served by the gateway itself ({@link Federation}, on the terms of a
 * {@link SuiteEventsQuery}). AUDITOR and SLT only; the gateway refuses anyone else before asking the
 * services, which would refuse them too. Authentication is the security filter's ({@code /api/**}
 * needs a caller).
 */
@Controller("/api/v1/audit")
final class SuiteEventsController {

    private static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.SLT);

    private final RouteTable routes;
    private final InternalTokenMinter minter;
    private final Federation federation;

    SuiteEventsController(RouteTable routes, InternalTokenMinter minter, Federation federation) {
        this.routes = routes;
        this.minter = minter;
        this.federation = federation;
    }

    @Get("/events")
    Mono<MutableHttpResponse<?>> events(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<MutableHttpResponse<?>> refused = PageParameters.refusal(request, caller, READERS,
                "Only an AUDITOR or SLT may read the audit trail.", SuiteEventsQuery.DECLARED);
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        ActingSchool.Outcome outcome = ActingSchool.of(caller, request);
        if (outcome instanceof ActingSchool.Outcome.Refused refusedSchool) {
            return Mono.just(refusedSchool.response());
        }
        caller = ((ActingSchool.Outcome.Acting) outcome).caller();
        SuiteEventsQuery query;
        try {
            query = SuiteEventsQuery.parse(request.getParameters(), routes, caller.school());
        } catch (SuiteEventsQuery.InvalidQueryException e) {
            return Mono.just(Problems.invalid(e.errors()));
        }
        return federation.answer(query, minter.mint(caller), CorrelationIdFilter.of(request).orElse(null));
    }
}
