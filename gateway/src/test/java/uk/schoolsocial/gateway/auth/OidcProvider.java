package uk.schoolsocial.gateway.auth;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenID provider for tests (navikt's mock-oauth2-server on a free port; 3.0.x, whose Jackson 2 is the suite's: 6.0 needs Jackson 3 and newer jackson-annotations than the gateway ships): its issuer, JWKS and
 * token endpoint over HTTP. Users sign in through the authorization-code flow; machine clients get
 * tokens on the client-credentials grant, with the claims an identity provider is configured to give
 * them (as Entra ID gives an application its app roles in {@code roles} and its id in {@code azp}).
 */
final class OidcProvider implements AutoCloseable {

    /** The issuer id: the path of the issuer URL. */
    static final String TENANT = "school-tenant";
    /** The suite's API as the provider names it: the audience of its tokens. */
    static final String API = "api://school-social";
    /** The MIS client configured with the INTEGRATION role. */
    static final String MIS_CLIENT = "mis-oakfield";
    /** A machine client the provider gives the INTEGRATION role but the gateway no school. */
    static final String UNCONFIGURED_CLIENT = "mis-unknown";
    /** The object id the provider gives the MIS client's service principal, its tokens' {@code sub}. */
    static final String MIS_OBJECT_ID = "7f1c2a9e-0b7d-4d6e-9a51-3c8e2f4b1d00";

    private final MockOAuth2Server server;

    OidcProvider() {
        RequestMappingTokenCallback machines = new RequestMappingTokenCallback(TENANT, List.of(
                new RequestMapping("client_id", MIS_CLIENT, Map.of(
                        "sub", MIS_OBJECT_ID, "aud", List.of(API), "azp", "${clientId}", "roles", List.of("INTEGRATION")),
                        "JWT"),
                new RequestMapping("client_id", UNCONFIGURED_CLIENT, Map.of(
                        "sub", UUID.randomUUID().toString(), "aud", List.of(API), "azp", "${clientId}",
                        "roles", List.of("INTEGRATION")), "JWT")),
                3600);
        Set<OAuth2TokenCallback> callbacks = Set.of(machines);
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                callbacks, new MockWebServerWrapper()));
        server.start();
    }

    String issuer() {
        return server.issuerUrl(TENANT).toString();
    }

    String jwksUrl() {
        return server.jwksUrl(TENANT).toString();
    }

    /**
     * The access token a user gets by signing in (authorization code, then the token endpoint), with
     * the claims the provider is configured to give them.
     */
    String userToken(String subject, List<String> audience, Map<String, Object> claims, long lifetimeSeconds) {
        return userToken(TENANT, subject, audience, claims, lifetimeSeconds);
    }

    String userToken(String tenant, String subject, List<String> audience, Map<String, Object> claims,
                     long lifetimeSeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(tenant, subject, "JWT", audience,
                new HashMap<>(claims), lifetimeSeconds));
        String redirect = "http://localhost/app/callback";
        Response authorize = RestAssured.given().redirects().follow(false)
                .queryParam("client_id", "school-app").queryParam("response_type", "code")
                .queryParam("redirect_uri", redirect).queryParam("scope", "openid")
                .queryParam("state", UUID.randomUUID().toString()).queryParam("nonce", UUID.randomUUID().toString())
                .get(server.authorizationEndpointUrl(tenant).toString());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(URI.create(authorize.header("Location")).getRawQuery()
                .replaceFirst("^", "?"));
        if (authorize.statusCode() != 302 || !code.find()) {
            throw new IllegalStateException("No authorization code: " + authorize.statusCode() + " " + authorize.asString());
        }
        return RestAssured.given().auth().preemptive().basic("school-app", "secret")
                .formParam("grant_type", "authorization_code").formParam("code", code.group(1))
                .formParam("redirect_uri", redirect)
                .post(server.tokenEndpointUrl(tenant).toString())
                .then().statusCode(200).extract().path("access_token");
    }

    /** The access token a machine client gets on the client-credentials grant. */
    String clientToken(String clientId) {
        return RestAssured.given().formParam("client_id", clientId).formParam("client_secret", "secret")
                .formParam("grant_type", "client_credentials").formParam("scope", API + "/.default")
                .post(server.tokenEndpointUrl(TENANT).toString())
                .then().statusCode(200).extract().path("access_token");
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
