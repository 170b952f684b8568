package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Cross-origin calls from browser apps (issue 18): only from the origins configured in
 * {@code smp.cors.allowed-origins}. A preflight is answered here, before authentication (a browser
 * sends it without the token); an actual call from an allowed origin gets the CORS headers on
 * whatever answers it, the gateway's own errors included. An origin nobody configured gets no CORS
 * header, so the browser keeps the answer from the page.
 * <p>
 * Micronaut's own CORS filter is not used: it answers a preflight only for a path with a route, and
 * the gateway forwards {@code /api/**} in a filter, without routes, so every preflight was a bare 403.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class CorsFilter implements HttpServerFilter {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The request headers the API reads (compared without case, as header names are). */
    static final Set<String> HEADERS = Set.of("authorization", "content-type", "accept", "idempotency-key",
            "if-match", "if-none-match", "x-correlation-id");
    /** The response headers a client reads beyond the safelisted ones. */
    static final String EXPOSED = "ETag, Location, Retry-After, X-Correlation-Id, RateLimit, RateLimit-Policy,"
            + " WWW-Authenticate";

    private final Set<String> origins;
    private final String maxAge;

    CorsFilter(CorsProperties properties) {
        this.origins = Set.copyOf(properties.origins());
        this.maxAge = Long.toString(properties.preflightCache().toSeconds());
    }

    @Override
    public int getOrder() {
        // After the correlation id (so a refused preflight carries one), before security.
        return ServerFilterPhase.FIRST.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return chain.proceed(request);
        }
        boolean allowed = origins.contains(origin);
        String asked = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.getMethod() == HttpMethod.OPTIONS && asked != null) {
            return Flux.just(preflight(origin, allowed, asked,
                    request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)));
        }
        if (!allowed) {
            return chain.proceed(request);
        }
        return Flux.from(chain.proceed(request)).map(response -> {
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            return response;
        });
    }

    private MutableHttpResponse<?> preflight(String origin, boolean allowed, String method, String headers) {
        List<String> asked = headers == null ? List.of() : Arrays.stream(headers.split(","))
                .map(header -> header.trim().toLowerCase(Locale.ROOT)).filter(header -> !header.isEmpty()).toList();
        List<String> unknown = asked.stream().filter(header -> !HEADERS.contains(header)).toList();
        String refusal = !allowed ? "The origin " + origin + " may not call this API (smp.cors.allowed-origins)."
                : !METHODS.contains(method) ? "The method " + method + " is not one the API takes."
                : !unknown.isEmpty() ? "The API does not read the request headers " + String.join(", ", unknown) + "."
                : null;
        if (refusal != null) {
            MutableHttpResponse<?> refused = Problems.response(HttpStatus.FORBIDDEN, refusal);
            refused.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            return refused;
        }
        MutableHttpResponse<?> answer = HttpResponse.noContent();
        answer.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        answer.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", METHODS));
        answer.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                HEADERS.stream().sorted().collect(Collectors.joining(", ")));
        answer.getHeaders().set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        answer.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        return answer;
    }
}
