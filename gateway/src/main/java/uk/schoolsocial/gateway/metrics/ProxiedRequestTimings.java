package uk.schoolsocial.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@code http_server_requests} for the requests the gateway answers in its routing filter: those it
 * forwards to a service, and those it refuses before any route (404, 400, 413). Micronaut's own
 * server timings filter runs after every other filter, so it never sees them (the gateway's own
 * controllers it does see, and they are left to it). Same name and tags as Micronaut's, the {@code uri}
 * being the route's configured pattern ({@code /api/v1/accounts/**}), never the path (issue 14).
 */
@Filter("/api/**")
final class ProxiedRequestTimings implements HttpServerFilter {

    static final String METRIC = "http.server.requests";
    /** What Micronaut's server timings filter marks the requests it times with. */
    private static final String TIMED_BY_MICRONAUT =
            "io.micronaut.configuration.metrics.binder.web.ServerMetricsFilter.START_ATTRIBUTE";

    private final MeterRegistry registry;

    ProxiedRequestTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long start = System.nanoTime();
        return Flux.from(chain.proceed(request)).doOnNext(response -> {
            if (request.getAttribute(TIMED_BY_MICRONAUT).isEmpty()) {
                Timer.builder(METRIC)
                        .tag("method", request.getMethodName())
                        .tag("status", String.valueOf(response.code()))
                        .tag("uri", uri(request, response.code()))
                        .tag("exception", "none")
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
    }

    private static String uri(HttpRequest<?> request, int status) {
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return request.getAttribute(HttpAttributes.URI_TEMPLATE, String.class).orElse("UNMATCHED_URI");
    }
}
