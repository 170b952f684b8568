package uk.schoolsocial.gateway.auth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.schoolsocial.gateway.Failures;
import uk.schoolsocial.gateway.TestTokens;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In oidc mode the gateway trusts an external issuer through its JWKS. A gateway in dev mode
 * publishes exactly that, so one gateway can trust another's demo tokens; {@link OidcProviderTest}
 * runs against a real OpenID provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcModeTest {

    private EmbeddedServer issuer;

    @BeforeAll
    void startIssuer() {
        issuer = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1));
    }

    @AfterAll
    void stopIssuer() {
        issuer.close();
    }

    private Map<String, Object> oidc(String expectedIssuer) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("smp.auth.mode", "oidc");
        properties.put("smp.auth.oidc.jwks-url", "http://localhost:" + issuer.getPort() + "/.well-known/jwks.json");
        properties.put("smp.auth.oidc.issuer", expectedIssuer);
        properties.put("smp.auth.oidc.audience", "school-social");
        return properties;
    }

    @Test
    void tokenOfTheConfiguredIssuerIsAccepted() {
        String token = TestTokens.devToken(issuer.getPort(), "parent");
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, oidc("school-social-dev"))) {
            RestAssured.given().port(gateway.getPort()).auth().oauth2(token).get("/api/v1/nowhere")
                    .then().statusCode(404);
        }
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        String token = TestTokens.devToken(issuer.getPort(), "parent");
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, oidc("https://idp.example.org"))) {
            RestAssured.given().port(gateway.getPort()).auth().oauth2(token).get("/api/v1/nowhere")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void schoolClaimNameIsConfigurable() {
        String token = TestTokens.devToken(issuer.getPort(), "parent");
        Map<String, Object> properties = oidc("school-social-dev");
        properties.put("smp.auth.oidc.school-claim", "tenant");
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, properties)) {
            RestAssured.given().port(gateway.getPort()).auth().oauth2(token).get("/api/v1/nowhere")
                    .then().statusCode(401);
        }
    }

    @Test
    void devIssuerEndpointsAreAbsent() {
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, oidc("school-social-dev"))) {
            RestAssured.given().port(gateway.getPort()).contentType("application/json").body("{\"user\":\"slt\"}")
                    .post("/dev/token").then().statusCode(404);
        }
    }

    @Test
    void oidcModeWithoutJwksUrlDoesNotStart() {
        Map<String, Object> properties = oidc("school-social-dev");
        properties.remove("smp.auth.oidc.jwks-url");
        Exception failure = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, properties));
        assertTrue(Failures.messages(failure).contains("smp.auth.oidc.jwks-url"), Failures.messages(failure));
    }

    @Test
    void oidcModeWithoutAudienceDoesNotStart() {
        // Issue 18: a token meant for another API of the same issuer must not be accepted, so the audience
        // is required rather than left unchecked.
        Map<String, Object> properties = oidc("school-social-dev");
        properties.remove("smp.auth.oidc.audience");
        Exception failure = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, properties));
        assertTrue(Failures.messages(failure).contains("smp.auth.oidc.audience"), Failures.messages(failure));
    }

    @Test
    void unreadableClientSchoolsDoNotStart() {
        Map<String, Object> properties = oidc("school-social-dev");
        properties.put("smp.auth.oidc.client-schools", "mis-a=school-a, mis-b");
        Exception failure = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, properties));
        assertTrue(Failures.messages(failure).contains("'mis-b'"), Failures.messages(failure));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String token = TestTokens.devToken(issuer.getPort(), "parent");
        Map<String, Object> properties = oidc("school-social-dev");
        properties.put("smp.auth.oidc.audience", "api://another-app");
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, properties)) {
            RestAssured.given().port(gateway.getPort()).auth().oauth2(token).get("/api/v1/nowhere")
                    .then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("TOKEN_AUDIENCE"));
        }
    }

    @Test
    void misspelledModeDoesNotStart() {
        Map<String, Object> properties = oidc("school-social-dev");
        properties.put("smp.auth.mode", "OIDC");
        Exception failure = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, properties));
        assertTrue(Failures.messages(failure).contains("smp.auth.mode"), Failures.messages(failure));
    }
}
