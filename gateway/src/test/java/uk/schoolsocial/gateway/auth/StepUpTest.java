package uk.schoolsocial.gateway.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;
import uk.schoolsocial.gateway.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Multi-factor step-up (issue 18) for INC-7's case files and evidence, ACC-6's credential reveal and
 * AUD-4's subject access export: {@code demo-school} requires it, {@code other-school} does not. Each
 * gated operation, through the real gateway to a stand-in service: refused without {@code mfa} in the
 * token's {@code amr} (RFC 9470's challenge, problem {@code STEP_UP_REQUIRED}, no service reached),
 * passed on with it, and not gated for a school that does not require it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepUpTest implements TestPropertyProvider {

    /** An Entra ID authentication context whose Conditional Access policy requires multi-factor authentication. */
    private static final String CONTEXT = "c1";
    private static final String CHALLENGE = "Bearer realm=\"school-social\", error=\"insufficient_user_authentication\","
            + " error_description=\"A sign-in with multi-factor authentication is required\", acr_values=\""
            + CONTEXT + "\"";
    private static final String INCIDENT = "/api/v1/incidents/3c9d2f41-6a0e-4b8e-9f0a-2d7c5e1b8a34";
    private static final String ACCOUNT = "/api/v1/accounts/9b2e6f3a-1c4d-4e5f-8a7b-6c5d4e3f2a1b";

    /** One gated operation and the demo user of demo-school who gets its sensitive view. */
    private record Gated(String operationId, String user, String method, String path) {
    }

    private static final List<Gated> GATED = List.of(
            new Gated("listIncidents", "dsl", "GET", "/api/v1/incidents"),
            new Gated("getIncident", "dsl", "GET", INCIDENT),
            new Gated("getIncidentHistory", "slt", "GET", INCIDENT + "/history"),
            new Gated("getEvidenceContent", "dsl", "GET", INCIDENT + "/evidence/5a1e7c2b-3d4f-4a6b-9c8d-7e6f5a4b3c2d"),
            new Gated("revealCredentials", "admin", "POST", ACCOUNT + "/credentials/reveal"),
            new Gated("getSubjectAccessExport", "slt", "GET", "/api/v1/privacy/subject-access?subjectType=PUPIL&subjectId=p-4"),
            new Gated("getSubjectData", "slt", "GET", "/api/v1/privacy/account/subjects/PUPIL/p-4"));

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(StandInService.PROPERTY);

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(GATEWAY.servicesAt(StandInService.PATH));
        properties.put("smp.auth.step-up.schools", "demo-school");
        properties.put("smp.auth.step-up.acr-values", CONTEXT);
        properties.put("smp.cors.allowed-origins", "https://app.example.org");
        return properties;
    }

    private String token(String user, List<String> amr) {
        return tokens.computeIfAbsent(user + amr, key -> RestAssured.given().port(GATEWAY.port())
                .contentType(ContentType.JSON).body(Map.of("user", user, "amr", amr))
                .post("/dev/token").then().statusCode(200).extract().path("access_token"));
    }

    private ValidatableResponse call(Gated operation, String token, RequestSpecification request) {
        RequestSpecification spec = request.port(GATEWAY.port()).auth().oauth2(token).urlEncodingEnabled(false);
        return (operation.method().equals("POST")
                ? spec.contentType(ContentType.JSON).body(Map.of("reason", "Posting the sports day results"))
                        .post(operation.path())
                : spec.get(operation.path())).then();
    }

    private ValidatableResponse call(Gated operation, String token) {
        return call(operation, token, RestAssured.given());
    }

    @Test
    void eachGatedOperationIsRefusedWithoutMultiFactorForASchoolThatRequiresIt() {
        for (Gated operation : GATED) {
            int before = StandInService.RECEIVED.get();
            call(operation, token(operation.user(), List.of("pwd"))).statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo(CHALLENGE))
                    .body("type", equalTo("https://schoolsocial.uk/problems/step-up-required"))
                    .body("status", equalTo(401))
                    .body("code", equalTo("STEP_UP_REQUIRED"))
                    .body("detail", containsString("multi-factor"));
            assertEquals(before, StandInService.RECEIVED.get(), operation.operationId() + " reached a service");
        }
    }

    @Test
    void eachGatedOperationPassesWithMultiFactorInTheTokensAmr() {
        for (Gated operation : GATED) {
            int before = StandInService.RECEIVED.get();
            call(operation, token(operation.user(), List.of("pwd", "mfa"))).statusCode(200);
            assertEquals(true, StandInService.RECEIVED.get() > before, operation.operationId() + " reached no service");
        }
    }

    @Test
    void noGatedOperationAsksForStepUpInASchoolThatDoesNotRequireIt() {
        for (Gated operation : GATED) {
            call(operation, token("other-slt", List.of())).statusCode(200);
        }
    }

    @Test
    void aSingleFactorMethodIsNotMultiFactorUnlessConfiguredSo() {
        // Default smp.auth.step-up.methods is [mfa]: a one-time code alone (RFC 8176 otp) is one factor.
        call(GATED.get(1), token("dsl", List.of("otp"))).statusCode(401).body("code", equalTo("STEP_UP_REQUIRED"));
    }

    @Test
    void anAcrOrAnEntraAuthenticationContextNamedInTheChallengeCountsAsMultiFactor() {
        call(GATED.get(6), TestTokens.signed(TestTokens.devKey(), TestTokens.sltClaims().claim("acr", CONTEXT).build()))
                .statusCode(200);
        call(GATED.get(6), TestTokens.signed(TestTokens.devKey(),
                TestTokens.sltClaims().claim("acrs", List.of("c2", CONTEXT)).build())).statusCode(200);
        call(GATED.get(6), TestTokens.signed(TestTokens.devKey(), TestTokens.sltClaims().claim("acrs", List.of("c2")).build()))
                .statusCode(401).body("code", equalTo("STEP_UP_REQUIRED"));
    }

    @Test
    void aReportersStatusViewAndTheIncidentCollectionsAreNotGated() {
        // INC-7: a reporter sees the status of their own report, not the case file; counts name nobody.
        call(GATED.get(1), token("staff", List.of())).statusCode(200);
        call(new Gated("countIncidents", "dsl", "GET", "/api/v1/incidents/counts"), token("dsl", List.of()))
                .statusCode(200);
    }

    @Test
    void aPathWrittenDifferentlyIsGatedAllTheSame() {
        for (String path : List.of(INCIDENT + "/history/", "/api/v1//incidents/" + INCIDENT.substring(18) + "/history")) {
            call(new Gated("getIncidentHistory", "dsl", "GET", path), token("dsl", List.of())).statusCode(401)
                    .body("code", equalTo("STEP_UP_REQUIRED"));
        }
    }

    @Test
    void aBrowserAppCanReadTheChallenge() {
        call(GATED.get(0), token("dsl", List.of()), RestAssured.given().header("Origin", "https://app.example.org")
                .header("Host", "api.school.example")).statusCode(401)
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"));
    }
}
