package uk.schoolsocial.gateway.auth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.schoolsocial.gateway.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dev issuer keeps its key in a file, so its tokens outlive a restart of the gateway. */
class DevKeyPersistenceTest {

    @TempDir
    Path directory;

    @Test
    void tokenIssuedBeforeARestartIsAcceptedAfterIt() {
        Path keyFile = directory.resolve("keys/dev-issuer.jwk");
        Map<String, Object> properties = Map.of("micronaut.server.port", -1, "smp.auth.dev.key-file", keyFile.toString());
        assertFalse(Files.exists(keyFile));

        String token;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
            token = TestTokens.devToken(first.getPort(), "dsl");
        }
        assertTrue(Files.exists(keyFile), "the key file was created");

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
            RestAssured.given().port(second.getPort()).auth().oauth2(token).get("/api/v1/nowhere")
                    .then().statusCode(404);
        }
    }

    @Test
    void tokenOfAGatewayWithAnotherKeyFileIsRefused() {
        String token;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "smp.auth.dev.key-file", directory.resolve("a.jwk").toString()))) {
            token = TestTokens.devToken(first.getPort(), "dsl");
        }
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "smp.auth.dev.key-file", directory.resolve("b.jwk").toString()))) {
            RestAssured.given().port(second.getPort()).auth().oauth2(token).get("/api/v1/nowhere")
                    .then().statusCode(401);
        }
    }
}
