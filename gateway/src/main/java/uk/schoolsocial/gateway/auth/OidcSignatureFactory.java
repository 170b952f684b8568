package uk.schoolsocial.gateway.auth;

import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfigurationProperties;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * In oidc mode, trusts the keys the issuer publishes at {@code smp.auth.oidc.jwks-url}.
 * Micronaut Security verifies signatures against every {@link JwksSignatureConfiguration} bean
 * (fetching and caching the key set reactively); declaring it here rather than under
 * {@code micronaut.security.token.jwt.signatures.jwks} in YAML keeps it absent in dev mode.
 */
@Factory
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.OIDC)
class OidcSignatureFactory {

    private static final String NAME = "oidc";

    @Singleton
    @Named(NAME)
    JwksSignatureConfiguration oidcJwks(OidcProperties oidc) {
        return new JwksSignatureConfiguration() {
            @Override
            public String getName() {
                return NAME;
            }

            @Override
            public String getUrl() {
                return oidc.jwksUrl();
            }

            @Override
            public KeyType getKeyType() {
                return null;
            }

            @Override
            @SuppressWarnings("removal")
            public Integer getCacheExpiration() {
                return JwksSignatureConfigurationProperties.DEFAULT_CACHE_EXPIRATION;
            }
        };
    }
}
