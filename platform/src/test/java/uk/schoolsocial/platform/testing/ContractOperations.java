package uk.schoolsocial.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of a service's OpenAPI document, read from {@code api-specs/openapi}, so that a
 * test can send the same bad input to every one of them and a new operation is covered without
 * being listed (issue 11).
 */
public final class ContractOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private ContractOperations() {
    }

    /**
     * One operation, with a concrete path: a random UUID for a {@code format: uuid} parameter, the
     * first value of an enumeration, {@code service} for a {@code service} parameter (the audit
     * API), and {@code x-1} for any other.
     *
     * @param document  the document it is in ({@code account}, {@code audit})
     * @param takesBody whether it takes a JSON body (a CSV upload takes {@code text/csv} only)
     */
    public record Operation(String document, String method, String template, String path, String operationId,
                            boolean takesBody) {

        @Override
        public String toString() {
            return method + " " + template + " (" + operationId + ")";
        }
    }

    /** Every operation of {@code document} ({@code account}), {@code service} naming the audit API's service. */
    public static List<Operation> of(String document, String service) {
        Map<String, Object> spec = read(document);
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = map(spec.get("paths"));
        paths.forEach((template, item) -> {
            Map<String, Object> pathItem = map(item);
            for (String method : METHODS) {
                if (!pathItem.containsKey(method)) {
                    continue;
                }
                Map<String, Object> operation = map(pathItem.get(method));
                List<Object> parameters = new ArrayList<>();
                parameters.addAll(list(pathItem.get("parameters")));
                parameters.addAll(list(operation.get("parameters")));
                String path = template;
                for (Object parameter : parameters) {
                    Map<String, Object> resolved = resolve(spec, map(parameter));
                    if ("path".equals(resolved.get("in"))) {
                        String name = (String) resolved.get("name");
                        path = path.replace("{" + name + "}", sample(spec, name, map(resolved.get("schema")), service));
                    }
                }
                operations.add(new Operation(document, method.toUpperCase(java.util.Locale.ROOT), template, path, (String) operation.get("operationId"),
                        map(map(operation.get("requestBody")).get("content")).containsKey("application/json")));
            }
        });
        return operations;
    }

    /** The operations of {@code document} that take a JSON body. */
    public static List<Operation> withBody(String document, String service) {
        return of(document, service).stream().filter(Operation::takesBody).toList();
    }

    private static String sample(Map<String, Object> spec, String name, Map<String, Object> schema, String service) {
        Map<String, Object> resolved = resolve(spec, schema);
        if ("service".equals(name)) {
            return service;
        }
        if ("uuid".equals(resolved.get("format"))) {
            return UUID.randomUUID().toString();
        }
        List<Object> values = list(resolved.get("enum"));
        return values.isEmpty() ? "x-1" : String.valueOf(values.get(0));
    }

    private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            return node;
        }
        Object target = spec;
        for (String part : pointer.substring(2).split("/")) {
            target = map(target).get(part);
        }
        return map(target);
    }

    private static Map<String, Object> read(String document) {
        Path file = Path.of("../api-specs/openapi/" + document + ".yaml");
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
