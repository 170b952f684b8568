package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.gateway.Failures;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documents and the docs page, served without authentication (specs of src/test/resources/test-openapi). */
@MicronautTest
class OpenApiEndpointsTest {

    @Inject
    EmbeddedServer server;

    private RequestSpecification gateway() {
        return RestAssured.given().port(server.getPort());
    }

    @Test
    void suiteMergesTheServiceSpecs() throws Exception {
        String yaml = gateway().get("/openapi/suite.yaml").then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract().asString();
        JsonNode suite = new YAMLMapper().readTree(yaml);

        assertTrue(suite.path("paths").has("/api/v1/accounts/{accountId}"), yaml);
        assertTrue(suite.path("paths").has("/api/v1/incidents"), yaml);
        assertTrue(suite.at("/components/schemas").has("Account"));
        assertTrue(suite.at("/components/schemas").has("Incident"));
        assertTrue(suite.at("/components/schemas").has("Problem"));
        assertEquals("http", suite.at("/components/securitySchemes/bearer/type").asText());
        assertFalse(yaml.contains("common.yaml"), yaml);
    }

    /** The audit API is served by every service (and merged by the gateway): a shared document, not a service. */
    @Test
    void sharedAuditApiIsServedAndMergedLikeAServicesSpec() throws Exception {
        JsonNode suite = new YAMLMapper().readTree(gateway().get("/openapi/suite.yaml").then().statusCode(200)
                .extract().asString());
        assertTrue(suite.path("paths").has("/api/v1/audit/events"));
        assertTrue(suite.path("paths").has("/api/v1/audit/{service}/events"));
        assertTrue(suite.at("/components/schemas").has("AuditEventPage"));
        assertEquals("bearer", suite.at("/paths/~1api~1v1~1audit~1events/get/security/0").fieldNames().next());

        JsonNode audit = new YAMLMapper().readTree(gateway().get("/openapi/audit.yaml").then()
                .statusCode(200).contentType("application/yaml").extract().asString());
        assertEquals("/", audit.at("/servers/0/url").asText());
        assertTrue(audit.path("paths").has("/api/v1/audit/events"));
    }

    @Test
    void eachSpecIsServedPointingAtTheGateway() throws Exception {
        String yaml = gateway().get("/openapi/incident.yaml").then().statusCode(200).extract().asString();
        JsonNode incident = new YAMLMapper().readTree(yaml);

        assertTrue(incident.path("paths").has("/incidents"));
        assertEquals("/api/v1", incident.at("/servers/0/url").asText());
        gateway().get("/openapi/common.yaml").then().statusCode(200).body(containsString("Problem"));
    }

    @Test
    void unknownDocumentGets404Problem() {
        gateway().get("/openapi/timetable.yaml").then().statusCode(404).contentType("application/problem+json");
        gateway().get("/openapi/account.json").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void docsPageIsSwaggerUiOnTheSuiteWithEachService() {
        gateway().get("/docs").then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("/docs/assets/swagger-ui-bundle.js"))
                .body(containsString("\"/openapi/suite.yaml\""))
                .body(containsString("\"/openapi/account.yaml\""))
                .body(containsString("\"/openapi/incident.yaml\""))
                .body(containsString("\"/openapi/audit.yaml\""))
                .body(containsString("\"urls.primaryName\": \"suite\""));
    }

    @Test
    void swaggerUiAssetsAreServed() {
        gateway().get("/docs/assets/swagger-ui-bundle.js").then()
                .statusCode(200)
                .body(containsString("SwaggerUIBundle"));
        gateway().get("/docs/assets/swagger-ui.css").then().statusCode(200);
    }

    @Test
    void specsThatCollideStopTheGateway() {
        Exception failure = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "smp.openapi.location", "classpath:test-openapi-collision")));
        assertTrue(Failures.messages(failure).contains("components/schemas/Account is defined differently"),
                Failures.messages(failure));
    }

    @Test
    void missingSpecIsLeftOut() {
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "smp.openapi.services", "account,incident,consent"))) {
            RestAssured.given().port(gateway.getPort()).get("/openapi/consent.yaml").then().statusCode(404);
            RestAssured.given().port(gateway.getPort()).get("/docs").then()
                    .body(containsString("\"/openapi/incident.yaml\""))
                    .body(not(containsString("consent.yaml")));
        }
    }
}
