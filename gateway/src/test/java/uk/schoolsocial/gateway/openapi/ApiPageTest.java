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

    /**
     * YAML aliases in the contracts ({@code checkpoint: *checkpoint}) are served as the value they
     * name, not as the anchor's name; the served documents are written to target/served-openapi,
     * where the build lints them with Spectral as it lints the sources (gateway/pom.xml).
     */
    @Test
    void aliasesAreServedAsTheValuesTheyNameAndTheServedDocumentsAreKeptForTheLint() throws Exception {
        java.nio.file.Path served = java.nio.file.Path.of("target", "served-openapi");
        java.nio.file.Files.createDirectories(served);
        for (String name : List.of("suite", "account", "incident", "consent", "audit", "privacy", "webhooks", "common")) {
            String yaml = RestAssured.given().port(server.getPort()).get("/openapi/" + name + ".yaml").then()
                    .statusCode(200).extract().asString();
            java.nio.file.Files.writeString(served.resolve(name + ".yaml"), yaml);
        }
        JsonNode audit = new YAMLMapper().readTree(served.resolve("audit.yaml").toFile());
        JsonNode verify = audit.at("/paths/~1api~1v1~1audit~1{service}~1verifications/post");
        assertTrue(verify.at("/requestBody/content/application~1json/example/checkpoint").isObject(), verify.toString());
        assertTrue(verify.at("/responses/200/content/application~1json/examples/intact/value/checkpoint/signature")
                .isTextual(), verify.toString());
        JsonNode suite = new YAMLMapper().readTree(served.resolve("suite.yaml").toFile());
        List<String> aliasNames = new ArrayList<>();
        suite.findValues("example").forEach(example -> {
            if (example.isTextual() && List.of("checkpoint", "submittedEvent", "accountErasure", "legalHold",
                    "retention").contains(example.asText())) {
                aliasNames.add(example.asText());
            }
        });
        assertEquals(List.of(), aliasNames, "examples served as an anchor's name");
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
