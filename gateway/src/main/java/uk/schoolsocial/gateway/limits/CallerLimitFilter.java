package uk.schoolsocial.gateway.limits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import uk.schoolsocial.gateway.auth.Caller;

/**
 * The limit per caller (issue 18), once the token is known: a caller is the token's subject in its
 * school, whichever address they call from. Every answer to a caller carries {@code RateLimit}
 * and {@code RateLimit-Policy}, so a client can slow down before it is refused.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class CallerLimitFilter implements HttpServerFilter {

    private final RateLimits limits;

    CallerLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        // After security, before the proxy (SECURITY.after()).
        return ServerFilterPhase.SECURITY.after() - 10;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (!limits.enabled() || authentication.isEmpty()) {
            return chain.proceed(request);
        }
        Caller caller = Caller.of(authentication.get());
        RateLimits.Taken taken = limits.take(RateLimits.Policy.CALLER, caller.school() + "|" + caller.actorId());
        if (!taken.allowed()) {
            return Flux.just(RateLimits.refused(taken));
        }
        return Flux.from(chain.proceed(request)).map(response -> {
            RateLimits.decorate(response, taken);
            return response;
        });
    }
}
