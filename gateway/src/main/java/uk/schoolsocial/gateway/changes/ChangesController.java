package uk.schoolsocial.gateway.changes;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.authentication.Authentication;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.federation.FederatedCursor;
import uk.schoolsocial.gateway.federation.Federation;
import uk.schoolsocial.gateway.federation.PageParameters;
import uk.schoolsocial.gateway.routing.DownstreamService;
import uk.schoolsocial.gateway.routing.InternalTokenMinter;
import uk.schoolsocial.gateway.routing.RouteTable;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.identity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/changes} (webhooks.yaml {@code listSuiteChanges}, issue 12): what changed in
 * every service of the caller's school since the MIS last asked, merged, from one opaque cursor
 * ({@link ChangeFeed}). INTEGRATION, SLT and AUDITOR, as the services' own feeds; the gateway
 * refuses anyone else before asking them.
 */
@Controller("/api/v1")
final class ChangesController {

    static final int DEFAULT_LIMIT = 50;
    private static final Set<Role> READERS = Set.of(Role.INTEGRATION, Role.SLT, Role.AUDITOR);
    private static final Set<String> DECLARED = Set.of("cursor", "limit");

    private final InternalTokenMinter minter;
    private final RouteTable routes;
    private final Federation federation;

    ChangesController(InternalTokenMinter minter, RouteTable routes, Federation federation) {
        this.minter = minter;
        this.routes = routes;
        this.federation = federation;
    }

    @Get("/changes")
    Mono<MutableHttpResponse<?>> changes(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<MutableHttpResponse<?>> refused = PageParameters.refusal(request, caller, READERS,
                "Only the school's MIS (INTEGRATION), SLT or an AUDITOR may read the change feed.", DECLARED);
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        List<FieldError> errors = new ArrayList<>();
        int limit = PageParameters.limit(request.getParameters(), DEFAULT_LIMIT, ChangeFeed.SERVICE_MAX_LIMIT, errors);
        FederatedCursor cursor = ChangesCursor.start(caller.school());
        String given = PageParameters.single(request.getParameters(), "cursor", errors);
        if (given != null) {
            try {
                cursor = ChangesCursor.decode(given, caller.school(), ChangeFeed.FEEDS.keySet());
            } catch (FederatedCursor.InvalidCursorException e) {
                errors.add(new FieldError("cursor", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.just(Problems.invalid(errors));
        }
        List<DownstreamService> keepingAFeed = routes.services().stream()
                .filter(service -> ChangeFeed.FEEDS.containsKey(service.name())).toList();
        return federation.answer(new ChangeFeed(keepingAFeed, cursor, limit), minter.mint(caller),
                CorrelationIdFilter.of(request).orElse(null));
    }
}
