package uk.schoolsocial.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code smp.services.NAME.*}: one service behind the gateway.
 *
 * @param name      the service's key, e.g. {@code account}; also the {@code {service}} of its audit
 *                  trail at {@code /api/v1/audit/{service}/...}
 * @param url       its base URL; a path in it (a service mounted below a prefix) is kept in front
 *                  of the request's path
 * @param instances the base URLs of further instances of the service (issue 13), e.g. from
 *                  {@code SMP_SERVICES_ACCOUNT_INSTANCES=http://10.0.0.2:8081,http://10.0.0.3:8081}:
 *                  requests are balanced between them and {@code url} in turn
 * @param prefixes  the first path segments after {@code /api/v1/} that it serves
 */
@EachProperty("smp.services")
public record DownstreamService(@Parameter String name, URI url, @Nullable List<URI> instances,
                                List<String> prefixes) {

    /** How long an instance that could not be reached is passed over (while another is left). */
    static final Duration PASSED_OVER = Duration.ofSeconds(5);
    private static final Map<String, AtomicInteger> TURNS = new ConcurrentHashMap<>();
    private static final Map<URI, Long> UNREACHABLE_UNTIL = new ConcurrentHashMap<>();

    /** @return the base URL of every instance, {@code url} first */
    public List<URI> urls() {
        List<URI> all = new ArrayList<>();
        all.add(url);
        if (instances != null) {
            all.addAll(instances);
        }
        return all;
    }

    /** Where a request for {@code requestUri} (path and query, as received) goes in this service: the next instance. */
    public URI target(URI requestUri) {
        return target(next(), requestUri);
    }

    /** Where a request for {@code requestUri} goes in the instance at {@code base}. */
    public URI target(URI base, URI requestUri) {
        String root = base.toString().replaceAll("/+$", "");
        String query = requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery();
        return URI.create(root + requestUri.getRawPath() + query);
    }

    /**
     * The instances in turn (round robin), passing over one that could not be reached in the last
     * {@link #PASSED_OVER} unless all of them could not.
     */
    public URI next() {
        List<URI> all = urls();
        if (all.size() == 1) {
            return url;
        }
        int turn = Math.floorMod(TURNS.computeIfAbsent(name, key -> new AtomicInteger()).getAndIncrement(), all.size());
        long now = System.nanoTime();
        for (int i = 0; i < all.size(); i++) {
            URI candidate = all.get((turn + i) % all.size());
            Long until = UNREACHABLE_UNTIL.get(candidate);
            if (until == null || now - until >= 0) {
                return candidate;
            }
        }
        return all.get(turn);
    }

    /** Another instance than {@code tried}, for a retry; {@code tried} itself when there is no other. */
    public URI other(URI tried) {
        List<URI> all = urls();
        int at = all.indexOf(tried);
        return all.get((Math.max(at, 0) + 1) % all.size());
    }

    /** The instance at {@code base} could not be reached: pass it over for a while. */
    public static void unreachable(URI base) {
        UNREACHABLE_UNTIL.put(base, System.nanoTime() + PASSED_OVER.toNanos());
    }
}
