package uk.schoolsocial.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the API page on the real contracts: "Try it out" sends no fixed header value (a fixed
 * Idempotency-Key replayed one answer to every edited body, a fixed X-Correlation-Id tied every call
 * to one id, a fixed If-Match refused every change), and the page says how to get a token first.
 */
@MicronautTest
@Property(name = "smp.openapi.location", value = "file:../api-specs/openapi")
@Property(name = "smp.openapi.services", value = "account,incident,consent")
class ApiPageTest {

    @Inject
    EmbeddedServer server;

    @Test
    void noHeaderParameterOfTheServedContractCarriesAnExampleTheUiWouldSend() throws Exception {
        JsonNode suite = new YAMLMapper().readTree(RestAssured.given().port(server.getPort())
                .get("/openapi/suite.yaml").then().statusCode(200).extract().asString());
        List<String> headers = new ArrayList<>();
        java.util.Set<String> withExamples = new java.util.TreeSet<>();
        collect(suite, suite, headers, withExamples);
        assertTrue(headers.contains("Idempotency-Key") && headers.contains("If-Match")
                && headers.contains("X-Correlation-Id"), "the header parameters are there: " + headers);
        assertEquals(java.util.Set.of(), withExamples);
    }

    @Test
    void thePageSaysHowToGetATokenBeforeAnythingElse() throws Exception {
        JsonNode suite = new YAMLMapper().readTree(RestAssured.given().port(server.getPort())
                .get("/openapi/suite.yaml").then().statusCode(200).extract().asString());
        String description = suite.at("/info/description").asText();
        assertTrue(description.contains("POST /dev/token") && description.contains("GET /dev/users")
                && description.contains("Idempotency-Key") && description.contains("problem+json"), description);
    }

    /** Every parameter object in the document, resolved through {@code $ref}. */
    private static void collect(JsonNode root, JsonNode node, List<String> headers, java.util.Set<String> withExamples) {
        if (node.isObject()) {
            JsonNode parameter = node.has("$ref") && node.get("$ref").asText().startsWith("#/components/parameters/")
                    ? root.at(node.get("$ref").asText().substring(1)) : node;
            if ("header".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                headers.add(name);
                if (parameter.has("example") || parameter.has("examples") || parameter.path("schema").has("example")
                        || parameter.path("schema").has("default")) {
                    withExamples.add(name);
                }
            }
            node.properties().forEach(entry -> collect(root, entry.getValue(), headers, withExamples));
        } else if (node.isArray()) {
            node.forEach(element -> collect(root, element, headers, withExamples));
        }
    }
}
