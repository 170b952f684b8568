package uk.schoolsocial.gateway.auth;

import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.gateway.TestTokens;

import java.time.Instant;
import java.util.Date;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who gets past the gateway in dev mode. A request that passes authentication but names no
 * service gets 404, so 404 on {@code /api/v1/nowhere} proves a token was accepted, 401 that it was not.
 */
@MicronautTest
class AuthenticationTest {

    private static final String PAST_AUTHENTICATION = "/api/v1/nowhere";

    @Inject
    EmbeddedServer server;

    private RequestSpecification gateway() {
        return RestAssured.given().port(server.getPort());
    }

    private void assertRefused(String token) {
        gateway().auth().oauth2(token).get(PAST_AUTHENTICATION).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void requestWithoutTokenGets401Problem() {
        gateway().get("/api/v1/accounts").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Correlation-Id", not(emptyOrNullString()))
                .body("type", equalTo("https://schoolsocial.uk/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("code", equalTo("UNAUTHORIZED"))
                .body("detail", not(emptyOrNullString()));
    }

    @Test
    void theGatewaysOwnErrorsAreTypedAndCodedAsTheServicesAnswerThem() {
        // One error contract (common.yaml): a client reads `code`, whoever answered.
        gateway().auth().oauth2(TestTokens.devToken(server.getPort(), "slt")).get(PAST_AUTHENTICATION).then()
                .statusCode(404)
                .body("type", equalTo("https://schoolsocial.uk/problems/not-found"))
                .body("code", equalTo("NOT_FOUND"));
        gateway().auth().oauth2(TestTokens.devToken(server.getPort(), "staff")).get("/api/v1/audit/events").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsocial.uk/problems/forbidden"))
                .body("code", equalTo("FORBIDDEN"));
        gateway().contentType("application/json").body("{\"user\":\"nobody\"}").post("/dev/token").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("user"))
                .body("errors[0].message", equalTo("is not a demo user; GET /dev/users lists them"));
        gateway().auth().oauth2(TestTokens.devToken(server.getPort(), "slt")).urlEncodingEnabled(false)
                .get("/api/v1/%2e%2e/v1/accounts").then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void devTokenIsAccepted() {
        gateway().auth().oauth2(TestTokens.devToken(server.getPort(), "slt")).get(PAST_AUTHENTICATION).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        RSAKey foreign = TestTokens.foreignKey(TestTokens.devKey().getKeyID());
        assertRefused(TestTokens.signed(foreign, TestTokens.sltClaims().build()));
    }

    @Test
    void tokenSignedByTheDevKeyWithTheSameClaimsIsAccepted() {
        gateway().auth().oauth2(TestTokens.signed(TestTokens.devKey(), TestTokens.sltClaims().build()))
                .get(PAST_AUTHENTICATION).then().statusCode(404);
    }

    @Test
    void tokenWithoutSchoolIsRefused() {
        assertRefused(TestTokens.signed(TestTokens.devKey(), TestTokens.sltClaims().claim("school_id", null).build()));
    }

    @Test
    void tokenWithoutTheAudienceOfTheSuiteIsRefused() {
        assertRefused(TestTokens.signed(TestTokens.devKey(), TestTokens.sltClaims().audience((String) null).build()));
    }

    @Test
    void tokenOfAnIssuerWhoseNameOnlyEndsLikeTheDevIssuersIsRefused() {
        assertRefused(TestTokens.signed(TestTokens.devKey(),
                TestTokens.sltClaims().issuer("evil-school-social-dev").build()));
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(TestTokens.signed(TestTokens.devKey(),
                TestTokens.sltClaims().expirationTime(Date.from(Instant.now().minusSeconds(60))).build()));
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertRefused(TestTokens.signed(TestTokens.devKey(), TestTokens.sltClaims().expirationTime(null).build()));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        assertRefused(TestTokens.signed(TestTokens.devKey(),
                TestTokens.sltClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()));
    }

    @Test
    void unknownDemoUserGets400Problem() {
        gateway().contentType(ContentType.JSON).body("{\"user\":\"headteacher\"}").post("/dev/token").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", not(emptyOrNullString()));
    }

    @Test
    void devTokenResponseIsAnOAuthTokenResponse() {
        gateway().contentType(ContentType.JSON).body("{\"user\":\"mis\"}").post("/dev/token").then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(30 * 24 * 3600))
                .body("access_token", not(emptyOrNullString()));
    }

    @Test
    void aDevTokenCarriesTheAudienceAndTheSignInMethodsAskedFor() throws Exception {
        String token = gateway().contentType(ContentType.JSON).body("{\"user\":\"dsl\",\"amr\":[\"pwd\",\"mfa\"]}")
                .post("/dev/token").then().statusCode(200).extract().path("access_token");
        com.nimbusds.jwt.JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("school-social"), claims.getAudience());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("pwd", "mfa"), claims.getStringListClaim("amr"));
        com.nimbusds.jwt.JWTClaimsSet plain = com.nimbusds.jwt.SignedJWT.parse(TestTokens.devToken(server.getPort(), "dsl"))
                .getJWTClaimsSet();
        org.junit.jupiter.api.Assertions.assertNull(plain.getClaim("amr"));
    }

    @Test
    void aDevTokenRefusesSignInMethodsThatAreNotMethodNames() {
        gateway().contentType(ContentType.JSON).body("{\"user\":\"nobody\",\"amr\":[\"mfa\",\"a b\\\"\"]}")
                .post("/dev/token").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(java.util.List.of("user", "amr[1]")));
    }

    @Test
    void devUsersAreTheContractsDemoUsers() {
        gateway().get("/dev/users").then()
                .statusCode(200)
                .body("", hasSize(9))
                .body("user", hasItems("staff", "slt", "dsl", "admin", "parent", "auditor", "mis", "other-slt",
                        "trust-auditor"))
                .body("find { it.user == 'other-slt' }.school", equalTo("other-school"))
                .body("find { it.user == 'trust-auditor' }.school", equalTo("demo-school"))
                .body("find { it.user == 'trust-auditor' }.trustSchools", equalTo(java.util.List.of("other-school")))
                .body("find { it.user == 'admin' }.role", equalTo("ACCOUNT_ADMIN"));
    }

    @Test
    void jwksPublishesOnlyThePublicKey() {
        gateway().get("/.well-known/jwks.json").then()
                .statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].kid", equalTo(TestTokens.devKey().getKeyID()))
                .body("keys[0].d", nullValue());
    }

    @Test
    void openidConfigurationNamesTheDevIssuerAndItsKeys() {
        gateway().get("/.well-known/openid-configuration").then()
                .statusCode(200)
                .body("issuer", equalTo("school-social-dev"))
                .body("jwks_uri", equalTo("http://localhost:" + server.getPort() + "/.well-known/jwks.json"));
    }

    @Test
    void healthIsPublic() {
        gateway().get("/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
    }
}
