package uk.schoolsocial.gateway.auth.dev;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.util.HttpHostResolver;
import uk.schoolsocial.gateway.auth.AuthProperties;

import java.util.List;
import java.util.Map;

/**
 * Publishes the dev issuer the way an OpenID provider does, so a service or tool can verify dev
 * tokens itself, and a gateway in oidc mode can be pointed at another gateway in dev mode.
 */
@Controller("/.well-known")
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.DEV, defaultValue = AuthProperties.DEV)
final class DevDiscoveryController {

    private static final String JWKS_PATH = "/.well-known/jwks.json";

    private final DevIssuer issuer;
    private final HttpHostResolver hostResolver;

    DevDiscoveryController(DevIssuer issuer, HttpHostResolver hostResolver) {
        this.issuer = issuer;
        this.hostResolver = hostResolver;
    }

    @Get("/jwks.json")
    Map<String, Object> jwks() {
        return issuer.publicKeys();
    }

    @Get("/openid-configuration")
    Map<String, Object> openidConfiguration(HttpRequest<?> request) {
        return Map.of(
                "issuer", DevIssuer.ISSUER,
                "jwks_uri", hostResolver.resolve(request) + JWKS_PATH,
                "id_token_signing_alg_values_supported", List.of(JWSAlgorithm.RS256.getName()),
                "subject_types_supported", List.of("public"),
                "claims_supported", List.of("iss", "aud", "sub", "exp", "iat", "name", "amr",
                        DevIssuer.ROLES_CLAIM, DevIssuer.SCHOOL_CLAIM));
    }
}
