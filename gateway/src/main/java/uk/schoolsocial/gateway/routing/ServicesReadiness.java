package uk.schoolsocial.gateway.routing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway is ready when every service behind it is (issue 14): its {@code /health} and
 * {@code /health/readiness} ask each service's {@code /health/readiness} (the database, the event
 * processors) and are DOWN, 503, when one is not UP or does not answer within
 * {@link #TIMEOUT}, e.g. while the database is frozen. {@code /health/liveness} stays the
 * gateway's own process only, so an orchestrator does not restart a healthy gateway for a
 * service's fault. Which service is down shows by name only, to a caller allowed the details.
 */
@Singleton
class ServicesReadiness implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RouteTable routes;
    private final HttpClient client;

    ServicesReadiness(RouteTable routes, @Client HttpClient client) {
        this.routes = routes;
        this.client = client;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Flux.fromIterable(routes.services())
                .flatMap(service -> status(service).map(status -> Map.entry(service.name(), status)))
                .collectList()
                .map(statuses -> {
                    Map<String, String> details = new LinkedHashMap<>();
                    statuses.stream().sorted(Map.Entry.comparingByKey())
                            .forEach(entry -> details.put(entry.getKey(), entry.getValue().getName()));
                    boolean allUp = statuses.stream().allMatch(entry -> entry.getValue().equals(HealthStatus.UP));
                    return HealthResult.builder("services", allUp ? HealthStatus.UP : HealthStatus.DOWN)
                            .details(details).build();
                });
    }

    /** Up while any instance of the service is ready (issue 13: the others are passed over). */
    private Mono<HealthStatus> status(DownstreamService service) {
        return Flux.fromIterable(service.urls())
                .flatMap(this::status)
                .any(HealthStatus.UP::equals)
                .map(up -> up ? HealthStatus.UP : HealthStatus.DOWN);
    }

    private Mono<HealthStatus> status(URI instance) {
        URI readiness = URI.create(instance.toString().replaceAll("/+$", "") + "/health/readiness");
        return Mono.from(client.exchange(HttpRequest.GET(readiness)))
                .map(response -> response.getStatus().getCode() == 200 ? HealthStatus.UP : HealthStatus.DOWN)
                .timeout(TIMEOUT)
                .onErrorResume(HttpClientResponseException.class, refused -> Mono.just(HealthStatus.DOWN))
                .onErrorResume(failure -> Mono.just(HealthStatus.DOWN));
    }
}
