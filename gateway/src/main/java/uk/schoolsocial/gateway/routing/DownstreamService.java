package uk.schoolsocial.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.net.URI;
import java.util.List;

/**
 * {@code smp.services.NAME.*}: one service behind the gateway.
 *
 * @param name     the service's key, e.g. {@code account}; also the {@code {service}} of its audit
 *                 trail at {@code /api/v1/audit/{service}/...}
 * @param url      its base URL; a path in it (a service mounted below a prefix) is kept in front
 *                 of the request's path
 * @param prefixes the first path segments after {@code /api/v1/} that it serves
 */
@EachProperty("smp.services")
public record DownstreamService(@Parameter String name, URI url, List<String> prefixes) {

    /** Where a request for {@code requestUri} (path and query, as received) goes in this service. */
    public URI target(URI requestUri) {
        String base = url.toString().replaceAll("/+$", "");
        String query = requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery();
        return URI.create(base + requestUri.getRawPath() + query);
    }
}
