package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecMergerTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode merge(Object... namesAndSpecs) {
        LinkedHashMap<String, ObjectNode> specs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSpecs.length; i += 2) {
            specs.put((String) namesAndSpecs[i], yaml((String) namesAndSpecs[i + 1]));
        }
        return SpecMerger.merge(specs);
    }

    private static final String COMMON = """
            openapi: 3.0.3
            info: {title: common, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Problem: {type: object}
            """;

    private static final String ACCOUNT = """
            openapi: 3.0.3
            info: {title: account, version: 1.0.0}
            security: [{bearer: []}]
            paths:
              /api/v1/accounts:
                get:
                  responses:
                    '404': {content: {application/problem+json: {schema: {$ref: 'common.yaml#/components/schemas/Problem'}}}}
                post:
                  security: []
                  responses: {'201': {description: made}}
            components:
              schemas:
                Account: {type: object}
                Problem: {$ref: 'common.yaml#/components/schemas/Problem'}
            """;

    private static final String INCIDENT = """
            openapi: 3.0.3
            info: {title: incident, version: 1.0.0}
            servers: [{url: 'http://localhost:8082/api/v1/'}]
            paths:
              /incidents:
                get:
                  responses:
                    '400': {content: {application/problem+json: {schema: {$ref: './common.yaml#/components/schemas/Problem'}}}}
            components:
              schemas:
                Incident: {type: object}
                Account: {type: object}
            """;

    @Test
    void pathsAndComponentsOfAllSpecsAreUnioned() {
        JsonNode suite = merge("common", COMMON, "account", ACCOUNT, "incident", INCIDENT);

        assertTrue(suite.path("paths").has("/api/v1/accounts"));
        assertTrue(suite.path("components").path("schemas").has("Account"));
        assertTrue(suite.path("components").path("schemas").has("Incident"));
        assertEquals("3.0.3", suite.path("openapi").asText());
        assertEquals("/", suite.path("servers").path(0).path("url").asText());
    }

    @Test
    void referencesToTheSharedFileBecomeLocal() {
        JsonNode suite = merge("common", COMMON, "account", ACCOUNT, "incident", INCIDENT);

        String schemaRef = "/content/application~1problem+json/schema/$ref";
        assertEquals("#/components/schemas/Problem",
                suite.at("/paths/~1api~1v1~1accounts/get/responses/404" + schemaRef).asText());
        assertEquals("#/components/schemas/Problem",
                suite.at("/paths/~1api~1v1~1incidents/get/responses/400" + schemaRef).asText());
        assertFalse(suite.toString().contains("common.yaml"));
    }

    @Test
    void componentReExportingTheSharedOneOfTheSameNameDefersToIt() {
        JsonNode suite = merge("common", COMMON, "account", ACCOUNT);

        assertEquals("object", suite.at("/components/schemas/Problem/type").asText());
    }

    @Test
    void pathsAreJoinedToTheBasePathOfTheSpecsServer() {
        JsonNode suite = merge("incident", INCIDENT);

        assertTrue(suite.path("paths").has("/api/v1/incidents"));
        assertFalse(suite.path("paths").has("/incidents"));
    }

    @Test
    void topLevelSecurityMovesOntoOperationsWithoutTheirOwn() {
        JsonNode suite = merge("account", ACCOUNT, "incident", INCIDENT);

        assertFalse(suite.has("security"));
        assertEquals("bearer", suite.at("/paths/~1api~1v1~1accounts/get/security/0").fieldNames().next());
        assertTrue(suite.at("/paths/~1api~1v1~1accounts/post/security").isEmpty(), "an explicit 'no security' stays");
        assertTrue(suite.at("/paths/~1api~1v1~1incidents/get/security").isMissingNode());
    }

    @Test
    void componentDefinedDifferentlyByTwoSpecsFailsNamingBoth() {
        String otherAccount = INCIDENT.replace("Account: {type: object}", "Account: {type: string}");

        SpecMergeException failure = assertThrows(SpecMergeException.class,
                () -> merge("account", ACCOUNT, "incident", otherAccount));
        assertTrue(failure.getMessage().contains("components/schemas/Account"), failure.getMessage());
        assertTrue(failure.getMessage().contains("account.yaml"), failure.getMessage());
        assertTrue(failure.getMessage().contains("incident.yaml"), failure.getMessage());
    }

    @Test
    void samePathInTwoSpecsFails() {
        String alsoAccounts = ACCOUNT.replace("info: {title: account", "info: {title: other")
                .replace("Account: {type: object}", "Other: {type: object}")
                .replace("'201': {description: made}", "'202': {description: queued}");

        assertThrows(SpecMergeException.class, () -> merge("account", ACCOUNT, "other", alsoAccounts));
    }

    @Test
    void openApi30And31CannotBeMerged() {
        assertThrows(SpecMergeException.class,
                () -> merge("account", ACCOUNT, "incident", INCIDENT.replace("openapi: 3.0.3", "openapi: 3.1.0")));
    }
}
