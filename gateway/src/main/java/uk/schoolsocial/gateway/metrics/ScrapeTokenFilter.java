package uk.schoolsocial.gateway.metrics;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.web.Problems;

/**
 * The gateway's own {@code /prometheus} (issue 14): the gateway is the public entry, so its metrics
 * answer only a scraper sending the configured {@code smp.metrics.scrape-token} as a bearer token
 * (compared in constant time); with none configured the endpoint is not served (404). The services'
 * {@code /prometheus} is on the internal network only: the gateway forwards nothing outside
 * {@code /api/v1/} (docs/operations.md).
 */
@Filter("/prometheus")
final class ScrapeTokenFilter implements HttpServerFilter {

    static final int MIN_LENGTH = 32;
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    ScrapeTokenFilter(@Value("${smp.metrics.scrape-token:}") String token) {
        String configured = token == null ? "" : token.trim();
        if (!configured.isEmpty() && configured.length() < MIN_LENGTH) {
            throw new ConfigurationException("smp.metrics.scrape-token must have at least " + MIN_LENGTH
                    + " characters, or be empty to serve no /prometheus");
        }
        this.token = configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (token.length == 0) {
            return Mono.just(Problems.response(HttpStatus.NOT_FOUND, "No service serves " + request.getPath()));
        }
        String sent = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean valid = sent != null && sent.startsWith(BEARER) && MessageDigest.isEqual(token,
                sent.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            return Mono.just(Problems.response(HttpStatus.UNAUTHORIZED, "The metrics need the scrape token.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"school-social-metrics\""));
        }
        return chain.proceed(request);
    }
}
