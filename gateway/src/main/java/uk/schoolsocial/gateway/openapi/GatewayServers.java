package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * Points specs at the gateway. A service spec may name its own host in {@code servers}, which a
 * browser cannot call (services accept only the gateway's internal token); only the path of its
 * first server is kept, relative, so "try it out" goes through the gateway that served the doc.
 */
final class GatewayServers {

    /** Scheme and authority, which may hold server variables ({@code http://localhost:{port}}). */
    private static final Pattern ORIGIN = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*");

    private GatewayServers() {
    }

    /** The path of the spec's first server, e.g. {@code /api/v1}, or {@code ""} if it has none. */
    static String basePath(ObjectNode spec) {
        String url = spec.path("servers").path(0).path("url").asText("");
        return ORIGIN.matcher(url).replaceFirst("").replaceAll("[?#].*$", "").replaceAll("/+$", "");
    }

    /** The spec with its servers replaced by its base path, relative to the gateway. */
    static ObjectNode relocated(ObjectNode spec) {
        ObjectNode copy = spec.deepCopy();
        copy.set("servers", servers(basePath(spec)));
        return copy;
    }

    /** A {@code servers} list with one server at {@code basePath} of the gateway. */
    static JsonNode servers(String basePath) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return nodes.arrayNode().add(nodes.objectNode().put("url", basePath.isEmpty() ? "/" : basePath));
    }
}
