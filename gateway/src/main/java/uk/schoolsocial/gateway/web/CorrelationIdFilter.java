package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import uk.schoolsocial.platform.error.FieldError;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id and returns it on every response, the gateway's own
 * errors included. A client's id is kept when it is a plain token of at most 128 characters; any
 * other (overlong, or with characters that could forge log lines) is refused with 400 naming the
 * header (issue 11: bad input is refused, never silently replaced), and that answer carries a
 * fresh id.
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
        List<String> sent = request.getHeaders().getAll(HEADER);
        boolean accepted = sent.size() <= 1 && sent.stream().allMatch(value -> ACCEPTED.matcher(value).matches());
        String id = accepted && sent.size() == 1 ? sent.get(0) : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        if (!accepted) {
            MutableHttpResponse<?> refused = Problems.invalid(List.of(new FieldError(HEADER,
                    sent.size() > 1 ? "must be given once"
                            : "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")));
            refused.getHeaders().set(HEADER, id);
            return Flux.just(refused);
        }
        return Flux.from(chain.proceed(request)).map(response -> {
            response.getHeaders().set(HEADER, id);
            return response;
        });
    }
}
