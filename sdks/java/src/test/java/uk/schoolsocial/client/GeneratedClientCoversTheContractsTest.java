package uk.schoolsocial.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18: the client is generated once per service contract into one package, so a contract
 * left out of the build, or an API class of one contract overwritten by another's of the same
 * name, would silently lose operations. Every operation and every schema of every contract must
 * be there.
 */
class GeneratedClientCoversTheContractsTest {

    private static final Path CONTRACTS = Path.of(System.getProperty("contracts", "../../api-specs/openapi"));
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @ParameterizedTest
    @ValueSource(strings = {"account", "incident", "consent", "audit", "privacy"})
    void everyOperationOfTheContractIsAMethodOfItsTagsApiClass(String contract) throws IOException {
        JsonNode spec = new YAMLMapper().readTree(CONTRACTS.resolve(contract + ".yaml").toFile());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (JsonNode pathItem : spec.path("paths")) {
            for (var operation : pathItem.properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String id = operation.getValue().path("operationId").asText();
                String tag = operation.getValue().path("tags").path(0).asText();
                if (!hasPublicMethod("uk.schoolsocial.client.api." + apiClassName(tag), id)) {
                    missing.add(apiClassName(tag) + "." + id);
                }
            }
        }
        assertTrue(operations > 0, contract + ".yaml has no operations");
        assertEquals(List.of(), missing, "operations of " + contract + ".yaml without a client method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"account", "incident", "consent", "audit", "privacy", "common"})
    void everySchemaOfTheContractIsAModelClass(String contract) throws IOException {
        JsonNode spec = new YAMLMapper().readTree(CONTRACTS.resolve(contract + ".yaml").toFile());
        List<String> missing = new ArrayList<>();
        spec.path("components").path("schemas").properties().forEach(schema -> {
            if (isClass(schema.getValue()) && !classExists("uk.schoolsocial.client.model." + schema.getKey())) {
                missing.add(schema.getKey());
            }
        });
        assertEquals(List.of(), missing, "schemas of " + contract + ".yaml without a model class");
    }

    /** An object, an enumeration or a choice; a constrained string or number is a plain Java type. */
    private static boolean isClass(JsonNode schema) {
        return schema.has("enum") || schema.has("properties") || schema.has("oneOf") || schema.has("anyOf")
                || schema.has("allOf") || schema.path("type").asText("object").equals("object");
    }

    /** OpenAPI Generator's name for a tag's class: {@code subject-access} is {@code SubjectAccessApi}. */
    private static String apiClassName(String tag) {
        StringBuilder name = new StringBuilder();
        for (String word : tag.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name + "Api";
    }

    private static boolean hasPublicMethod(String className, String method) {
        try {
            for (Method candidate : Class.forName(className).getMethods()) {
                if (candidate.getName().equals(method) && Modifier.isPublic(candidate.getModifiers())) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean classExists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
