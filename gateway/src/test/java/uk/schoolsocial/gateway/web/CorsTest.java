package uk.schoolsocial.gateway.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.gateway.TestTokens;

/**
 * Issue 18: a browser app on a configured origin can call the API. Its preflight is answered
 * without a token, with the methods and headers the API uses; an origin nobody configured gets no
 * CORS headers, so the browser keeps the answer from it.
 */
@MicronautTest
@Property(name = "smp.cors.allowed-origins", value = "https://app.example.org,http://localhost:5173")
class CorsTest {

    @Inject
    EmbeddedServer server;

    private RequestSpecification gateway() {
        return RestAssured.given().port(server.getPort());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        gateway().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/incidents").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("idempotency-key"))
                .header("Access-Control-Max-Age", equalTo("3600"));
    }

    @Test
    void anActualRequestFromAnAllowedOriginExposesTheHeadersAClientReads() {
        // Micronaut refuses a remote origin calling a server it reaches as localhost (drive-by-localhost
        // protection, kept): the gateway is reached by its public name in a deployment.
        String exposed = gateway().header("Origin", "https://app.example.org").header("Host", "api.school.example")
                .auth().oauth2(TestTokens.devToken(server.getPort(), "slt"))
                .get("/api/v1/nowhere").then()
                .statusCode(404)
                .header("Access-Control-Allow-Origin", equalTo("https://app.example.org"))
                .header("Access-Control-Expose-Headers", containsString("X-Correlation-Id"))
                .header("Vary", containsString("Origin"))
                .extract().header("Access-Control-Expose-Headers");
    }

    @Test
    void anOriginNobodyConfiguredGetsNoCorsHeaders() {
        gateway().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/incidents").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("https://evil.example.com"))
                .header("Access-Control-Allow-Origin", nullValue());
        gateway().header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-secret")
                .options("/api/v1/incidents").then()
                .statusCode(403)
                .body("detail", containsString("x-secret"));
        gateway().header("Origin", "https://evil.example.com")
                .auth().oauth2(TestTokens.devToken(server.getPort(), "slt"))
                .get("/api/v1/nowhere").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
