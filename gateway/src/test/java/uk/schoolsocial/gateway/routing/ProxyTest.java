package uk.schoolsocial.gateway.routing;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.schoolsocial.gateway.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
    /** The secret of application-test.yml, which the services would share. */
    private static final String SECRET = "test-internal-token-secret-0123456789abcdef";

    private EmbeddedServer downstream;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        downstream = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.enabled", false,
                DOWNSTREAM_PROPERTY, true));
        String base = "http://127.0.0.1:" + downstream.getPort();
        return Map.of(
                "micronaut.http.client.read-timeout", "1s",
                "smp.services.account.url", base + "/account-svc",
                "smp.services.incident.url", base + "/incident-svc/",
                "smp.services.consent.url", "http://127.0.0.1:" + unusedPort());
    }

    @AfterAll
    void stopDownstream() {
        downstream.close();
    }

    private RequestSpecification asSlt() {
        return RestAssured.given().port(server.getPort()).auth().oauth2(TestTokens.devToken(server.getPort(), "slt"));
    }

    /**
     * The route, and with it the school an audit request may act for (decision 7), is decided on the path
     * as given. A path that a server further on could read as another one is refused before anything is
     * minted or forwarded.
     */
    @Test
    void aPathWithDotSegmentsOrEncodedSlashesIsRefused() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = TestTokens.devToken(server.getPort(), "trust-auditor");
        for (String path : List.of("/api/v1/audit/account/../../accounts?school=other-school",
                "/api/v1/audit/account/%2e%2e/%2e%2e/accounts?school=other-school",
                "/api/v1/audit/account%2F..%2F..%2Faccounts", "/api/v1/accounts/./echo")) {
            java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.getPort() + path))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(400, answer.statusCode(), path + ": " + answer.body());
            org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("must not contain"), answer.body());
        }
    }

    @Test
    void requestReachesTheServiceWithMethodPathQueryBodyAndHeaders() {
        asSlt().contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
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
        String callerToken = TestTokens.devToken(server.getPort(), "slt");
        List<String> authorization = RestAssured.given().port(server.getPort()).auth().oauth2(callerToken)
                .get("/api/v1/staff").then().statusCode(200).extract().path("authorization");

        assertEquals(1, authorization.size(), "exactly one Authorization header: " + authorization);
        assertTrue(authorization.get(0).startsWith("Bearer "));
        String internal = authorization.get(0).substring("Bearer ".length());
        assertNotEquals(callerToken, internal);

        SignedJWT jwt = SignedJWT.parse(internal);
        assertEquals("HS256", jwt.getHeader().getAlgorithm().getName());
        assertTrue(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))), "signed with the shared secret");
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
        List<String> authorization = RestAssured.given().port(server.getPort()).auth().oauth2(token)
                .get("/api/v1/accounts").then().statusCode(200).extract().path("authorization");

        JWTClaimsSet claims = SignedJWT.parse(authorization.get(0).substring("Bearer ".length())).getJWTClaimsSet();
        assertEquals(List.of("SLT"), claims.getStringListClaim("roles"));
    }

    @Test
    void generatedCorrelationIdIsForwardedAndReturned() {
        ExtractableResponse<Response> response = asSlt().get("/api/v1/applications").then().statusCode(200).extract();
        String returned = response.header("X-Correlation-Id");
        UUID.fromString(returned);
        assertEquals(returned, response.path("correlationId"));
    }

    @Test
    void clientsCorrelationIdIsKept() {
        asSlt().header("X-Correlation-Id", "trace-42").get("/api/v1/applications").then()
                .statusCode(200)
                .header("X-Correlation-Id", "trace-42")
                .body("correlationId", equalTo("trace-42"));
    }

    @Test
    /** Issue 11: a correlation id that is not a plain token of at most 128 characters is refused, naming it. */
    void correlationIdThatIsNotAPlainTokenIsRefused() {
        for (String sent : List.of("two words", "c".repeat(129), "line\u2028break")) {
            asSlt().header("X-Correlation-Id", sent).get("/api/v1/applications").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .header("X-Correlation-Id", not(equalTo(sent)))
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("X-Correlation-Id"));
        }
        asSlt().header("X-Correlation-Id", "c".repeat(128)).get("/api/v1/applications").then().statusCode(200);
    }

    @Test
    void pathPrefixChoosesTheService() {
        asSlt().get("/api/v1/incidents/inc-1").then().statusCode(200)
                .body("service", equalTo("incident-svc"))
                .body("path", equalTo("/incident-svc/api/v1/incidents/inc-1"))
                .body("rest", equalTo("incidents/inc-1"));
        asSlt().get("/api/v1/applications").then().statusCode(200).body("service", equalTo("account-svc"));
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        asSlt().get("/api/v1/accounts/acc-1?status=409").then()
                .statusCode(409)
                .header("X-Downstream", "echo")
                .body("service", equalTo("account-svc"));
    }

    @Test
    void unknownPrefixGets404Problem() {
        asSlt().get("/api/v1/timetables").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        asSlt().get("/api/v2/accounts").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unreachableServiceGets502Problem() {
        asSlt().get("/api/v1/consents").then()
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
        asSlt().get("/api/v1/accounts/acc-1?delayMillis=3000").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", equalTo("The account service did not answer in time."));
    }

    /** AUD-2/3: {@code /api/v1/audit/{service}/...} goes to the service of that name, path unchanged. */
    @Test
    void auditPathsGoToTheServiceTheyNameWithTheInternalToken() throws Exception {
        String callerToken = TestTokens.devToken(server.getPort(), "auditor");
        List<String> authorization = RestAssured.given().port(server.getPort()).auth().oauth2(callerToken)
                .urlEncodingEnabled(false)
                .get("/api/v1/audit/incident/records/inc-1/timeline?asOf=2026-11-21T09:00:00Z")
                .then()
                .statusCode(200)
                .body("service", equalTo("incident-svc"))
                .body("path", equalTo("/incident-svc/api/v1/audit/incident/records/inc-1/timeline"))
                .body("query", equalTo("asOf=2026-11-21T09:00:00Z"))
                .extract().path("authorization");
        SignedJWT internal = SignedJWT.parse(authorization.get(0).substring("Bearer ".length()));
        assertTrue(internal.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("AUDITOR"), internal.getJWTClaimsSet().getStringListClaim("roles"));

        asSlt().contentType(ContentType.JSON).body("{}").post("/api/v1/audit/account/verifications").then()
                .statusCode(200)
                .body("service", equalTo("account-svc"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/account-svc/api/v1/audit/account/verifications"))
                .body("body", equalTo("{}"));
        // "account" is a service name here, not the prefix "accounts"
        asSlt().get("/api/v1/audit/account/events").then().statusCode(200).body("service", equalTo("account-svc"));
    }

    @Test
    void auditPathOfAnUnknownServiceGets404ProblemNamingIt() {
        asSlt().get("/api/v1/audit/timetable/events").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("'timetable'"));
        asSlt().get("/api/v1/audit/accounts/events").then().statusCode(404).body("detail", containsString("'accounts'"));
        asSlt().get("/api/v1/audit").then().statusCode(404).contentType("application/problem+json");
        asSlt().get("/api/v1/audit/events/more").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void auditPathOfAnUnreachableServiceGets502Problem() {
        asSlt().get("/api/v1/audit/consent/signing-key").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", equalTo("The consent service cannot be reached."));
    }

    @Test
    void servicesRefusalOfAnAuditRequestPassesThrough() {
        asSlt().get("/api/v1/audit/account/events?status=403").then()
                .statusCode(403)
                .header("X-Downstream", "echo");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
