package uk.schoolsocial.gateway.routing;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the service for an {@code /api/v1/...} path by its first segment (runtime contract,
 * "Routing by path prefix"). Built at startup so that a bad service URL, or a prefix claimed by
 * two services, stops the gateway instead of misrouting requests.
 */
@Context
final class RouteTable {

    static final String API_ROOT = "/api/v1/";

    private final Map<String, DownstreamService> byPrefix = new HashMap<>();

    RouteTable(List<DownstreamService> services) {
        for (DownstreamService service : services) {
            validate(service);
            for (String prefix : service.prefixes()) {
                DownstreamService other = byPrefix.putIfAbsent(prefix, service);
                if (other != null) {
                    throw new ConfigurationException("Path prefix '" + prefix + "' is claimed by both smp.services."
                            + other.name() + " and smp.services." + service.name());
                }
            }
        }
    }

    /** The service serving {@code path}, if the path is under {@value #API_ROOT} with a known prefix. */
    Optional<DownstreamService> serviceFor(String path) {
        if (!path.startsWith(API_ROOT)) {
            return Optional.empty();
        }
        String rest = path.substring(API_ROOT.length());
        int slash = rest.indexOf('/');
        return Optional.ofNullable(byPrefix.get(slash < 0 ? rest : rest.substring(0, slash)));
    }

    private static void validate(DownstreamService service) {
        String scheme = service.url() == null ? null : service.url().getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || service.url().getHost() == null) {
            throw new ConfigurationException("smp.services." + service.name() + ".url must be an http(s) URL, not "
                    + service.url());
        }
        if (service.prefixes() == null || service.prefixes().isEmpty()) {
            throw new ConfigurationException("smp.services." + service.name() + ".prefixes must list the path"
                    + " segments after " + API_ROOT + " that the service serves");
        }
    }
}
