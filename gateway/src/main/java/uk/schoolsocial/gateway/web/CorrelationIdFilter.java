package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id and returns it on every response, the gateway's own
 * errors included. A client's id is kept when it is a plain token; anything else (overlong, or
 * with characters that could forge log lines) is replaced by a fresh UUID.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class CorrelationIdFilter implements HttpServerFilter {

    /** The header that carries the id, in both directions and on to the services. */
    public static final String HEADER = "X-Correlation-Id";

    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The correlation id this filter assigned to the request. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String id = request.getHeaders().findFirst(HEADER)
                .filter(sent -> ACCEPTED.matcher(sent).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ATTRIBUTE, id);
        return Flux.from(chain.proceed(request)).map(response -> {
            response.getHeaders().set(HEADER, id);
            return response;
        });
    }
}
