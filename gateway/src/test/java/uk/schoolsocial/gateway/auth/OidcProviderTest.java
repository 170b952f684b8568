package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;
import uk.schoolsocial.gateway.TestTokens;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The gateway in oidc mode against a real OpenID provider (issue 18): tokens from its token endpoint,
 * by a user's sign-in (authorization code) and by an MIS on the client-credentials grant, trusted
 * through its JWKS. Accepted tokens reach the services as the caller they name (the stand-in service
 * shows the internal token); refused ones get 401 with a code naming the rule they broke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcProviderTest {

    private static final String PATH = "/api/v1/incidents/3c9d2f41-6a0e-4b8e-9f0a-2d7c5e1b8a34";

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(StandInService.PROPERTY);

    private OidcProvider provider;
    private EmbeddedServer gateway;

    @BeforeAll
    void start() {
        provider = new OidcProvider();
        gateway = GATEWAY.start(oidc(Map.of()));
    }

    @AfterAll
    void stop() {
        provider.close();
    }

    private Map<String, Object> oidc(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(GATEWAY.servicesAt(StandInService.PATH));
        properties.put("smp.auth.mode", "oidc");
        properties.put("smp.auth.oidc.jwks-url", provider.jwksUrl());
        properties.put("smp.auth.oidc.issuer", provider.issuer());
        properties.put("smp.auth.oidc.audience", OidcProvider.API);
        properties.put("smp.auth.oidc.client-schools", OidcProvider.MIS_CLIENT + "=demo-school, mis-elsewhere=other-school");
        properties.putAll(overrides);
        return properties;
    }

    private static Map<String, Object> user(Object roles, String school) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("roles", roles);
        if (school != null) {
            claims.put("school_id", school);
        }
        claims.put("name", "Dee Esel");
        return claims;
    }

    private ValidatableResponse call(EmbeddedServer through, String token) {
        return RestAssured.given().port(through.getPort()).auth().oauth2(token).get(PATH).then();
    }

    private JWTClaimsSet forwarded(EmbeddedServer through, String token) {
        return StandInService.internalToken(call(through, token).statusCode(200)
                .body("path", equalTo(PATH)).extract().path("authorization"));
    }

    private void assertRefused(EmbeddedServer through, String token, String code) {
        int before = StandInService.RECEIVED.get();
        call(through, token).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"school-social\", error=\"invalid_token\""))
                .body("type", equalTo("https://schoolsocial.uk/problems/unauthorized"))
                .body("code", equalTo(code));
        assertEquals(before, StandInService.RECEIVED.get(), "a refused token must reach no service");
    }

    @Test
    void aUserSignedInAtTheProviderReachesTheServicesAsTheCallerTheirTokenNames() throws Exception {
        String token = provider.userToken("dsl-0042", List.of(OidcProvider.API),
                user(List.of("DSL", "Teacher"), "demo-school"), 600);
        JWTClaimsSet internal = forwarded(gateway, token);
        assertEquals("dsl-0042", internal.getSubject());
        assertEquals(List.of("DSL"), internal.getStringListClaim("roles"), "roles outside the seven are dropped");
        assertEquals("demo-school", internal.getStringClaim("school"));
        assertEquals("Dee Esel", internal.getStringClaim("name"));
    }

    @Test
    void anMisOnTheClientCredentialsGrantActsForTheSchoolConfiguredForItsClient() throws Exception {
        // A machine token has no person and no school claim: its sub (the client's service principal), its
        // app role INTEGRATION, and the school smp.auth.oidc.client-schools gives its client (azp).
        JWTClaimsSet internal = forwarded(gateway, provider.clientToken(OidcProvider.MIS_CLIENT));
        assertEquals(OidcProvider.MIS_OBJECT_ID, internal.getSubject());
        assertEquals(List.of("INTEGRATION"), internal.getStringListClaim("roles"));
        assertEquals("demo-school", internal.getStringClaim("school"));
        assertNull(internal.getClaim("name"));
    }

    @Test
    void aMachineClientNoSchoolIsConfiguredForIsRefused() {
        assertRefused(gateway, provider.clientToken(OidcProvider.UNCONFIGURED_CLIENT), "TOKEN_NO_SCHOOL");
    }

    @Test
    void aUserWithoutASchoolClaimGetsNoSchoolFromTheClientTheySignedInThrough() {
        // Only a machine token (INTEGRATION alone) takes its client's school; a person needs their own.
        Map<String, Object> claims = user(List.of("STAFF"), null);
        claims.put("azp", OidcProvider.MIS_CLIENT);
        assertRefused(gateway, provider.userToken("staff-1", List.of(OidcProvider.API), claims, 600), "TOKEN_NO_SCHOOL");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(gateway, provider.userToken("dsl-0042", List.of("api://another-app"),
                user(List.of("DSL"), "demo-school"), 600), "TOKEN_AUDIENCE");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(gateway, provider.userToken("dsl-0042", List.of(OidcProvider.API),
                user(List.of("DSL"), "demo-school"), -60), "TOKEN_EXPIRED");
    }

    @Test
    void aTokenWithoutASchoolIsRefused() {
        assertRefused(gateway, provider.userToken("dsl-0042", List.of(OidcProvider.API),
                user(List.of("DSL"), null), 600), "TOKEN_NO_SCHOOL");
    }

    @Test
    void aTokenWithNoneOfTheSuitesRolesIsRefused() {
        assertRefused(gateway, provider.userToken("teacher-7", List.of(OidcProvider.API),
                user(List.of("Teacher", "dsl"), "demo-school"), 600), "TOKEN_NO_ROLE");
    }

    @Test
    void aTokenOfAnotherTenantOfTheSameProviderIsRefused() {
        assertRefused(gateway, provider.userToken("other-tenant", "dsl-0042", List.of(OidcProvider.API),
                user(List.of("DSL"), "demo-school"), 600), "TOKEN_ISSUER");
    }

    @Test
    void aTokenSignedByTheTrustedKeysButNamingAnotherIssuerIsRefused() {
        String token = provider.userToken("dsl-0042", List.of(OidcProvider.API), user(List.of("DSL"), "demo-school"), 600);
        try (EmbeddedServer strict = GatewayApi.run(oidc(Map.of("smp.auth.oidc.issuer", provider.issuer() + "-elsewhere")))) {
            assertRefused(strict, token, "TOKEN_ISSUER");
        }
    }

    @Test
    void aTokenWithTheRightClaimsSignedByAnotherKeyIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(provider.issuer()).audience(OidcProvider.API)
                .subject("dsl-0042").claim("roles", List.of("DSL")).claim("school_id", "demo-school")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        assertRefused(gateway, TestTokens.signed(TestTokens.foreignKey("forged"), claims), "TOKEN_SIGNATURE");
    }

    @Test
    void noTokenAndAnUnreadableOneAreRefusedByCodesOfTheirOwn() {
        RestAssured.given().port(gateway.getPort()).get(PATH).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"school-social\""))
                .body("code", equalTo("UNAUTHORIZED"));
        assertRefused(gateway, "not-a-jwt", "TOKEN_UNREADABLE");
    }

    @Test
    void rolesAndSchoolMayBeReadFromNestedClaimsAsKeycloakGivesThem() throws Exception {
        Map<String, Object> claims = new HashMap<>();
        claims.put("realm_access", Map.of("roles", List.of("offline_access", "SLT")));
        claims.put("school", Map.of("id", "demo-school"));
        String token = provider.userToken("slt-1", List.of(OidcProvider.API), claims, 600);
        try (EmbeddedServer keycloakShaped = GatewayApi.run(oidc(Map.of(
                "smp.auth.oidc.roles-claim", "realm_access.roles", "smp.auth.oidc.school-claim", "school.id")))) {
            JWTClaimsSet internal = forwarded(keycloakShaped, token);
            assertEquals(List.of("SLT"), internal.getStringListClaim("roles"));
            assertEquals("demo-school", internal.getStringClaim("school"));
        }
    }

    @Test
    void aNamespacedClaimWithDotsInItsNameIsReadAsOneClaim() throws Exception {
        // Auth0 requires custom claims to be namespaced by a URL: the whole name is the claim.
        Map<String, Object> claims = new HashMap<>();
        claims.put("https://schoolsocial.uk/roles", List.of("PARENT"));
        claims.put("https://schoolsocial.uk/school", "demo-school");
        String token = provider.userToken("parent-9", List.of(OidcProvider.API), claims, 600);
        try (EmbeddedServer auth0Shaped = GatewayApi.run(oidc(Map.of(
                "smp.auth.oidc.roles-claim", "https://schoolsocial.uk/roles",
                "smp.auth.oidc.school-claim", "https://schoolsocial.uk/school")))) {
            JWTClaimsSet internal = forwarded(auth0Shaped, token);
            assertEquals(List.of("PARENT"), internal.getStringListClaim("roles"));
            assertEquals("demo-school", internal.getStringClaim("school"));
        }
    }

    @Test
    void theRefusalNamesTheAudienceExpectedSoAnIntegratorSeesWhatToFix() {
        call(gateway, provider.userToken("dsl-0042", List.of("api://another-app"), user(List.of("DSL"), "demo-school"), 600))
                .body("detail", containsString(OidcProvider.API));
    }
}
