package uk.schoolsocial.gateway.limits;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The limits by client address (issue 18), before authentication: every request from an address
 * counts against {@code per-address}; a request that ends without a valid token (a demo token, a
 * refused token, the API page) also against {@code anonymous}, so a flood of bad tokens or of token
 * requests is answered 429 long before it could guess anything. The address is the connection's;
 * behind a reverse proxy, the last value of the header {@code smp.rate-limit.client-address-header}
 * names (docs/runtime-contract.md). Micronaut's own resolver is not used: without configuration it
 * believes any {@code Forwarded} or {@code X-Forwarded-For} a client sends, so a client could pick a
 * fresh address for every request.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class AddressLimitFilter implements HttpServerFilter {

    private final RateLimits limits;
    private final String addressHeader;

    AddressLimitFilter(RateLimits limits, RateLimitProperties properties) {
        this.limits = limits;
        this.addressHeader = properties.clientAddressHeader() == null || properties.clientAddressHeader().isBlank()
                ? null : properties.clientAddressHeader().trim();
    }

    private String addressOf(HttpRequest<?> request) {
        if (addressHeader != null) {
            List<String> values = request.getHeaders().getAll(addressHeader).stream()
                    .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim)
                    .filter(value -> !value.isEmpty()).toList();
            if (!values.isEmpty()) {
                return values.get(values.size() - 1);
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? "unknown" : remote.getHostString();
    }

    @Override
    public int getOrder() {
        // After the correlation id and CORS (a refusal carries both), before security.
        return ServerFilterPhase.FIRST.after() + 50;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!limits.enabled()) {
            return chain.proceed(request);
        }
        String address = addressOf(request);
        RateLimits.Taken byAddress = limits.take(RateLimits.Policy.ADDRESS, address);
        if (!byAddress.allowed()) {
            return Flux.just(RateLimits.refused(byAddress));
        }
        boolean withToken = request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
        if (!withToken && limits.exhausted(RateLimits.Policy.ANONYMOUS, address)) {
            return Flux.just(RateLimits.refused(limits.take(RateLimits.Policy.ANONYMOUS, address)));
        }
        return Flux.from(chain.proceed(request)).map(response -> {
            if (request.getUserPrincipal(Authentication.class).isPresent()) {
                return response;
            }
            RateLimits.Taken anonymous = limits.take(RateLimits.Policy.ANONYMOUS, address);
            if (!anonymous.allowed()) {
                return RateLimits.refused(anonymous);
            }
            RateLimits.decorate(response, anonymous);
            return response;
        });
    }
}
