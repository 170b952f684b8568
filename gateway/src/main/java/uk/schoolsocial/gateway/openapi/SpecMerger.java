package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the service specs (and the shared components) into one document for the whole suite.
 * Paths, webhooks, components and tags are unioned. A name defined twice must be defined
 * identically, else the merge fails: silently keeping one definition would publish a contract
 * that is wrong for the other service. References into the merged files
 * ({@code common.yaml#/components/...}) become local ({@code #/components/...}), and a component
 * that only re-exports the shared one of the same name is dropped. Each spec's
 * top-level {@code security} is copied onto its operations that have none, since the merged
 * document cannot have one top-level requirement per service.
 */
final class SpecMerger {

    static final String TITLE = "School social media suite";

    /** What a new integrator reads first on the API page (issue 18). */
    static final String DESCRIPTION = """
            The whole suite through its gateway: official accounts, incidents, consent, privacy and the audit trail.

            **A token.** Every call under `/api` takes `Authorization: Bearer <token>`. In production the
            token comes from the school's identity provider (OpenID Connect). When the suite runs in
            development mode, get one for a demo user with
            `curl -X POST /dev/token -H 'Content-Type: application/json' -d '{"user":"slt"}'`
            (`GET /dev/users` lists the users and their roles), then press **Authorize** and paste it.

            **Writes.** Send a fresh `Idempotency-Key` (a UUID) with every POST so it is safe to retry, and the
            `ETag` you last read as `If-Match` when you change a record; this page sends neither unless you
            type one.

            **Errors** are `application/problem+json` with a stable `code` (`VALIDATION_FAILED` names every
            wrong field in `errors`). Past a rate limit the answer is `429` with `Retry-After`; every answer
            carries `RateLimit` and `RateLimit-Policy`.
            """;

    private static final Pattern FILE_REFERENCE = Pattern.compile("^(?:\\./)?([A-Za-z0-9_.-]+)\\.ya?ml(#/.*)$");
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Set<String> mergedNames;
    private final ObjectNode suite = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> owners = new HashMap<>();
    private String openApiVersion;
    private String openApiSource;

    private SpecMerger(Set<String> mergedNames) {
        this.mergedNames = mergedNames;
    }

    /**
     * @param specs the specs by name (a reference to {@code NAME.yaml#...} becomes local), in the
     *              order their paths should appear
     * @return the merged document
     * @throws SpecMergeException if two specs define a name differently, or use different OpenAPI versions
     */
    static ObjectNode merge(LinkedHashMap<String, ObjectNode> specs) {
        SpecMerger merger = new SpecMerger(specs.keySet());
        ObjectNode suite = merger.suite;
        suite.put("openapi", "");
        suite.putObject("info").put("title", TITLE).put("version", versions(specs)).put("description", DESCRIPTION);
        suite.set("servers", GatewayServers.servers(""));
        specs.forEach(merger::add);
        // Who publishes it and under which licence: the services' own (they are one suite).
        specs.values().stream().map(spec -> spec.path("info")).filter(info -> info.has("contact")).findFirst()
                .ifPresent(info -> {
                    ObjectNode merged = (ObjectNode) suite.get("info");
                    merged.set("contact", info.get("contact").deepCopy());
                    if (info.has("license")) {
                        merged.set("license", info.get("license").deepCopy());
                    }
                });
        suite.put("openapi", merger.openApiVersion == null ? "3.0.3" : merger.openApiVersion);
        return suite;
    }

    private void add(String name, ObjectNode original) {
        String source = name + ".yaml";
        ObjectNode spec = original.deepCopy();
        localise(spec);
        requireSameOpenApiVersion(spec.path("openapi").asText(), source);
        securityOntoOperations(spec);
        String basePath = GatewayServers.basePath(spec);
        spec.path("paths").properties().forEach(path ->
                union("paths", basePath + path.getKey(), path.getValue(), source));
        spec.path("webhooks").properties().forEach(hook -> union("webhooks", hook.getKey(), hook.getValue(), source));
        spec.path("components").properties().forEach(section -> section.getValue().properties().forEach(component -> {
            String where = "components/" + section.getKey();
            if (!isAliasOfItself(where, component.getKey(), component.getValue())) {
                union(where, component.getKey(), component.getValue(), source);
            }
        }));
        spec.path("tags").forEach(this::unionTag);
    }

    private void union(String where, String key, JsonNode value, String source) {
        ObjectNode target = objectAt(where);
        JsonNode existing = target.get(key);
        String id = where + "/" + key;
        if (existing != null && !existing.equals(value)) {
            throw new SpecMergeException("OpenAPI " + id + " is defined differently in " + owners.get(id)
                    + " and " + source + "; rename one or make them identical");
        }
        target.set(key, value);
        owners.putIfAbsent(id, source);
    }

    /**
     * A service may re-export a shared component under its own name
     * ({@code bearer: {$ref: 'common.yaml#/components/securitySchemes/bearer'}}); once references
     * are local that entry points at itself, and the shared definition stands for it.
     */
    private static boolean isAliasOfItself(String where, String key, JsonNode value) {
        return value.size() == 1 && value.path("$ref").asText().equals("#/" + where + "/" + key);
    }

    /** Tags only group operations in the UI; a tag described twice keeps its first description. */
    private void unionTag(JsonNode tag) {
        ArrayNode tags = suite.withArray("/tags");
        String name = tag.path("name").asText();
        for (JsonNode known : tags) {
            if (known.path("name").asText().equals(name)) {
                return;
            }
        }
        tags.add(tag);
    }

    private ObjectNode objectAt(String where) {
        ObjectNode node = suite;
        for (String part : where.split("/")) {
            node = node.withObject("/" + part);
        }
        return node;
    }

    private void localise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isTextual()) {
                    object.put(name, localReference(value.asText()));
                } else {
                    localise(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::localise);
        }
    }

    private String localReference(String reference) {
        Matcher file = FILE_REFERENCE.matcher(reference);
        return file.matches() && mergedNames.contains(file.group(1)) ? file.group(2) : reference;
    }

    private static void securityOntoOperations(ObjectNode spec) {
        JsonNode security = spec.remove("security");
        if (security == null) {
            return;
        }
        spec.path("paths").forEach(pathItem -> pathItem.properties().forEach(operation -> {
            if (OPERATIONS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op
                    && !op.has("security")) {
                op.set("security", security.deepCopy());
            }
        }));
    }

    /** Mixing 3.0 and 3.1 would change the meaning of schemas (nullable, exclusiveMinimum, ...). */
    private void requireSameOpenApiVersion(String version, String source) {
        if (version.isEmpty()) {
            return;
        }
        if (openApiVersion == null) {
            openApiVersion = version;
            openApiSource = source;
        } else if (!majorMinor(openApiVersion).equals(majorMinor(version))) {
            throw new SpecMergeException(source + " is OpenAPI " + version + " but " + openApiSource + " is "
                    + openApiVersion + "; they cannot be merged");
        }
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    private static String versions(Map<String, ObjectNode> specs) {
        List<String> versions = specs.values().stream()
                .map(spec -> spec.path("info").path("version").asText(""))
                .filter(version -> !version.isEmpty())
                .distinct()
                .toList();
        return versions.isEmpty() ? "unversioned" : String.join(", ", versions);
    }
}
