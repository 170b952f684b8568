package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.io.ResourceResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The specs the gateway serves, read and merged once at startup ({@link Context}), so that specs
 * which cannot be merged stop the gateway instead of publishing a wrong contract. A spec that is
 * missing is left out with a warning: the API works without its documentation.
 */
@Context
final class SpecCatalog {

    /** The name under which the merged document is served. */
    static final String SUITE = "suite";

    private static final Logger LOG = LoggerFactory.getLogger(SpecCatalog.class);

    private final YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());
    private final Map<String, String> documents = new LinkedHashMap<>();
    private final Map<String, ObjectNode> specs;
    private final List<String> services;
    private final List<String> apis;

    SpecCatalog(OpenApiProperties properties, ResourceResolver resources) {
        LinkedHashMap<String, ObjectNode> specs = new LinkedHashMap<>();
        Stream.of(Stream.of(properties.common()), properties.services().stream(), properties.sharedSpecs().stream())
                .flatMap(names -> names)
                .distinct()
                .forEach(name -> read(resources, properties.location(), name).ifPresent(spec -> specs.put(name, spec)));
        this.services = properties.services().stream().filter(specs::containsKey).toList();
        this.apis = Stream.concat(properties.services().stream(), properties.sharedSpecs().stream())
                .distinct().filter(specs::containsKey).toList();
        this.specs = java.util.Collections.unmodifiableMap(specs);
        specs.forEach((name, spec) -> documents.put(name, write(GatewayServers.relocated(spec))));
        documents.put(SUITE, write(SpecMerger.merge(specs)));
    }

    /** Every spec found, as read, by name: the services', the shared APIs' and the shared components'. */
    Map<String, ObjectNode> specs() {
        return specs;
    }

    /** The services whose specs were found, in configured order. */
    List<String> services() {
        return services;
    }

    /**
     * The API documents found, in the order the docs page lists them: the services', then the
     * shared APIs' (the audit trail that every service serves); not the shared components.
     */
    List<String> apis() {
        return apis;
    }

    /**
     * The YAML served as {@code NAME.yaml}: a service's spec, a shared API's, the shared
     * components, or {@value #SUITE}.
     */
    Optional<String> document(String name) {
        return Optional.ofNullable(documents.get(name));
    }

    private Optional<ObjectNode> read(ResourceResolver resources, String location, String name) {
        String path = location + "/" + name + ".yaml";
        Optional<InputStream> stream = resources.getResourceAsStream(path);
        if (stream.isEmpty()) {
            LOG.warn("OpenAPI spec {} not found; it is left out of the docs", path);
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            JsonNode spec = yaml.valueToTree(Specs.load(in));
            if (!(spec instanceof ObjectNode object)) {
                throw new ConfigurationException("OpenAPI spec " + path + " is not a YAML mapping");
            }
            return Optional.of(object);
        } catch (IOException e) {
            throw new ConfigurationException("OpenAPI spec " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String write(JsonNode spec) {
        try {
            return yaml.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an OpenAPI document as YAML", e);
        }
    }
}
