package uk.schoolsocial.gateway.routing;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;
import uk.schoolsocial.gateway.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests through the gateway to a real HTTP service: a second Micronaut server running
 * {@link EchoController}. The consent service is configured at a port nobody listens on.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTest implements TestPropertyProvider {

    static final String DOWNSTREAM_PROPERTY = "test.downstream";

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.client.read-timeout", "1s",
                "smp.services.account.url", GATEWAY.stubUrl("/account-svc"),
                "smp.services.incident.url", GATEWAY.stubUrl("/incident-svc/"),
                "smp.services.consent.url", "http://127.0.0.1:" + GatewayApi.unusedPort());
    }

    /**
     * The route, and with it the school an audit request may act for (decision 7), is decided on the path
     * as given. A path that a server further on could read as another one is refused before anything is
     * minted or forwarded.
     */
    @Test
    void aPathWithDotSegmentsOrEncodedSlashesIsRefused() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = TestTokens.devToken(GATEWAY.port(), "trust-auditor");
        for (String path : List.of("/api/v1/audit/account/../../accounts?school=other-school",
                "/api/v1/audit/account/%2e%2e/%2e%2e/accounts?school=other-school",
                "/api/v1/audit/account%2F..%2F..%2Faccounts", "/api/v1/accounts/./echo")) {
            java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + GATEWAY.port() + path))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(400, answer.statusCode(), path + ": " + answer.body());
            org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("must not contain"), answer.body());
        }
    }

    @Test
    void requestReachesTheServiceWithMethodPathQueryBodyAndHeaders() {
        GATEWAY.as("slt").contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .header("Idempotency-Key", "key-1").header("If-Match", "\"3\"").header("X-Client-Header", "kept")
                .urlEncodingEnabled(false)
                .post("/api/v1/accounts/acc-1/notes?x=1&y=a%20b")
                .then()
                .statusCode(200)
                .header("X-Downstream", "echo")
                .body("service", equalTo("account-svc"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/account-svc/api/v1/accounts/acc-1/notes"))
                .body("query", equalTo("x=1&y=a%20b"))
                .body("body", equalTo("{\"text\":\"hello\"}"))
                .body("idempotencyKey", equalTo("key-1"))
                .body("ifMatch", equalTo("\"3\""))
                .body("clientHeader", equalTo("kept"));
    }

    @Test
    void serviceGetsAnInternalTokenInsteadOfTheCallersToken() throws Exception {
        String callerToken = TestTokens.devToken(GATEWAY.port(), "slt");
        List<String> authorization = GATEWAY.request().auth().oauth2(callerToken)
                .get("/api/v1/staff").then().statusCode(200).extract().path("authorization");

        assertEquals(1, authorization.size(), "exactly one Authorization header: " + authorization);
        assertTrue(authorization.get(0).startsWith("Bearer "));
        String internal = authorization.get(0).substring("Bearer ".length());
        assertNotEquals(callerToken, internal);

        SignedJWT jwt = SignedJWT.parse(internal);
        assertEquals("HS256", jwt.getHeader().getAlgorithm().getName());
        assertTrue(jwt.verify(new MACVerifier(GatewayApi.INTERNAL_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8))),
                "signed with the shared secret");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("school-social-gateway", claims.getIssuer());
        assertEquals("demo-slt", claims.getSubject());
        assertEquals(List.of("SLT"), claims.getStringListClaim("roles"));
        assertEquals("demo-school", claims.getStringClaim("school"));
        assertEquals("Demo Senior Leader", claims.getStringClaim("name"));
        assertEquals(60_000, claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    }

    @Test
    void rolesOutsideTheSuitesSevenAreNotPassedOn() throws Exception {
        String token = TestTokens.signed(TestTokens.devKey(),
                TestTokens.sltClaims().claim("roles", List.of("SUPERUSER", "SLT", "dsl")).build());
        List<String> authorization = GATEWAY.request().auth().oauth2(token)
                .get("/api/v1/accounts").then().statusCode(200).extract().path("authorization");

        JWTClaimsSet claims = SignedJWT.parse(authorization.get(0).substring("Bearer ".length())).getJWTClaimsSet();
        assertEquals(List.of("SLT"), claims.getStringListClaim("roles"));
    }

    @Test
    void generatedCorrelationIdIsForwardedAndReturned() {
        ExtractableResponse<Response> response = GATEWAY.as("slt").get("/api/v1/applications").then().statusCode(200).extract();
        String returned = response.header("X-Correlation-Id");
        UUID.fromString(returned);
        assertEquals(returned, response.path("correlationId"));
    }

    @Test
    void clientsCorrelationIdIsKept() {
        GATEWAY.as("slt").header("X-Correlation-Id", "trace-42").get("/api/v1/applications").then()
                .statusCode(200)
                .header("X-Correlation-Id", "trace-42")
                .body("correlationId", equalTo("trace-42"));
    }

    @Test
    /** Issue 11: a correlation id that is not a plain token of at most 128 characters is refused, naming it. */
    void correlationIdThatIsNotAPlainTokenIsRefused() {
        for (String sent : List.of("two words", "c".repeat(129), "line\u2028break")) {
            GATEWAY.as("slt").header("X-Correlation-Id", sent).get("/api/v1/applications").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .header("X-Correlation-Id", not(equalTo(sent)))
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("X-Correlation-Id"));
        }
        GATEWAY.as("slt").header("X-Correlation-Id", "c".repeat(128)).get("/api/v1/applications").then().statusCode(200);
    }

    @Test
    void pathPrefixChoosesTheService() {
        GATEWAY.as("slt").get("/api/v1/incidents/inc-1").then().statusCode(200)
                .body("service", equalTo("incident-svc"))
                .body("path", equalTo("/incident-svc/api/v1/incidents/inc-1"))
                .body("rest", equalTo("incidents/inc-1"));
        GATEWAY.as("slt").get("/api/v1/applications").then().statusCode(200).body("service", equalTo("account-svc"));
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        GATEWAY.as("slt").get("/api/v1/accounts/acc-1?status=409").then()
                .statusCode(409)
                .header("X-Downstream", "echo")
                .body("service", equalTo("account-svc"));
    }

    @Test
    void unknownPrefixGets404Problem() {
        GATEWAY.as("slt").get("/api/v1/timetables").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        GATEWAY.as("slt").get("/api/v2/accounts").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unreachableServiceGets502Problem() {
        GATEWAY.as("slt").get("/api/v1/consents").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", notNullValue())
                .body("title", equalTo("Bad Gateway"))
                .body("status", equalTo(502))
                .body("code", equalTo("BAD_GATEWAY"))
                .body("type", equalTo("https://schoolsocial.uk/problems/bad-gateway"))
                .body("detail", equalTo("The consent service cannot be reached."));
    }

    @Test
    void serviceTooSlowToAnswerGets504Problem() {
        GATEWAY.as("slt").get("/api/v1/accounts/acc-1?delayMillis=3000").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", equalTo("The account service did not answer in time."));
    }

    /** AUD-2/3: {@code /api/v1/audit/{service}/...} goes to the service of that name, path unchanged. */
    @Test
    void auditPathsGoToTheServiceTheyNameWithTheInternalToken() throws Exception {
        String callerToken = TestTokens.devToken(GATEWAY.port(), "auditor");
        List<String> authorization = GATEWAY.request().auth().oauth2(callerToken)
                .urlEncodingEnabled(false)
                .get("/api/v1/audit/incident/records/inc-1/timeline?asOf=2026-11-21T09:00:00Z")
                .then()
                .statusCode(200)
                .body("service", equalTo("incident-svc"))
                .body("path", equalTo("/incident-svc/api/v1/audit/incident/records/inc-1/timeline"))
                .body("query", equalTo("asOf=2026-11-21T09:00:00Z"))
                .extract().path("authorization");
        SignedJWT internal = SignedJWT.parse(authorization.get(0).substring("Bearer ".length()));
        assertTrue(internal.verify(new MACVerifier(GatewayApi.INTERNAL_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("AUDITOR"), internal.getJWTClaimsSet().getStringListClaim("roles"));

        GATEWAY.as("slt").contentType(ContentType.JSON).body("{}").post("/api/v1/audit/account/verifications").then()
                .statusCode(200)
                .body("service", equalTo("account-svc"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/account-svc/api/v1/audit/account/verifications"))
                .body("body", equalTo("{}"));
        // "account" is a service name here, not the prefix "accounts"
        GATEWAY.as("slt").get("/api/v1/audit/account/events").then().statusCode(200).body("service", equalTo("account-svc"));
    }

    @Test
    void auditPathOfAnUnknownServiceGets404ProblemNamingIt() {
        GATEWAY.as("slt").get("/api/v1/audit/timetable/events").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("'timetable'"));
        GATEWAY.as("slt").get("/api/v1/audit/accounts/events").then().statusCode(404).body("detail", containsString("'accounts'"));
        GATEWAY.as("slt").get("/api/v1/audit").then().statusCode(404).contentType("application/problem+json");
        GATEWAY.as("slt").get("/api/v1/audit/events/more").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void auditPathOfAnUnreachableServiceGets502Problem() {
        GATEWAY.as("slt").get("/api/v1/audit/consent/signing-key").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", equalTo("The consent service cannot be reached."));
    }

    @Test
    void servicesRefusalOfAnAuditRequestPassesThrough() {
        GATEWAY.as("slt").get("/api/v1/audit/account/events?status=403").then()
                .statusCode(403)
                .header("X-Downstream", "echo");
    }
}
