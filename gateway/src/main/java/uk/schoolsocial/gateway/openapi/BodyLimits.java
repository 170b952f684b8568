package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How many bytes of body each operation takes (issue 11), as the contracts say: an operation's own
 * {@code x-max-body-bytes}, else the one at the root of the shared components ({@code common.yaml}),
 * for every operation of every spec the gateway serves. Read once at startup: a limit that is not
 * a positive integer, or one above what the gateway's own server accepts
 * ({@code micronaut.server.max-request-size}), stops the gateway rather than cut a body short.
 */
@Context
public final class BodyLimits {

    /** The extension that states a limit, on an operation or at the root of the shared components. */
    public static final String EXTENSION = "x-max-body-bytes";
    /** The limit where no spec states one: the contracts' own default. */
    static final long FALLBACK = 262_144;

    private static final Logger LOG = LoggerFactory.getLogger(BodyLimits.class);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final long defaultLimit;
    private final List<Rule> rules = new ArrayList<>();

    BodyLimits(SpecCatalog catalog, OpenApiProperties properties, HttpServerConfiguration server) {
        Map<String, ObjectNode> specs = catalog.specs();
        ObjectNode common = specs.get(properties.common());
        if (common != null && common.has(EXTENSION)) {
            defaultLimit = limit(common.get(EXTENSION), properties.common() + ".yaml");
        } else {
            LOG.warn("{}.yaml states no {}; bodies are limited to {} bytes", properties.common(), EXTENSION, FALLBACK);
            defaultLimit = FALLBACK;
        }
        specs.forEach((name, spec) -> {
            String base = basePath(spec);
            Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation != null && operation.has(EXTENSION)) {
                        String template = base + path.getKey();
                        rules.add(new Rule(HttpMethod.parse(method.toUpperCase(Locale.ROOT)), template, pattern(template),
                                limit(operation.get(EXTENSION), name + ".yaml " + method + " " + path.getKey())));
                    }
                }
            }
        });
        // The most literal template wins: /staff/sync before /staff/{staffId}.
        rules.sort(Comparator.comparingInt(Rule::literalSegments).reversed());
        long largest = largest();
        long accepted = server.getMaxRequestSize();
        if (largest > accepted) {
            throw new ConfigurationException("The contracts let a body have " + largest + " bytes, but the gateway's"
                    + " micronaut.server.max-request-size is " + accepted + "; raise it to at least the largest "
                    + EXTENSION);
        }
    }

    /** The most bytes of body {@code method path} takes. */
    public long limit(HttpMethod method, String path) {
        for (Rule rule : rules) {
            if (rule.method() == method && rule.pattern().matcher(path).matches()) {
                return rule.limit();
            }
        }
        return defaultLimit;
    }

    /** The largest limit of any operation. */
    public long largest() {
        return rules.stream().mapToLong(Rule::limit).reduce(defaultLimit, Math::max);
    }

    private static long limit(JsonNode value, String where) {
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw new ConfigurationException(where + ": " + EXTENSION + " must be a positive number of bytes, not "
                    + value);
        }
        return value.asLong();
    }

    private static String basePath(ObjectNode spec) {
        String url = spec.path("servers").path(0).path("url").asText("");
        String path = url.isEmpty() ? "" : URI.create(url).getPath();
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private record Rule(HttpMethod method, String template, Pattern pattern, long limit) {

        int literalSegments() {
            int literal = 0;
            for (String segment : template.split("/")) {
                literal += segment.isEmpty() || segment.startsWith("{") ? 0 : 1;
            }
            return literal;
        }
    }
}
