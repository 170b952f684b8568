package uk.schoolsocial.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code smp.auth.oidc.*}: the production issuer, used when {@code smp.auth.mode} is {@code oidc}
 * (defaults in application.yml).
 *
 * @param jwksUrl     where the issuer publishes its signing keys
 * @param issuer      the exact {@code iss} its tokens carry
 * @param rolesClaim  the claim holding the caller's roles (an array, or one string)
 * @param schoolClaim the claim holding the caller's school id
 * @param trustSchoolsClaim the claim holding other schools granted to the caller across a trust (an array, or
 *                          one string); a token without it grants none
 */
@ConfigurationProperties("smp.auth.oidc")
record OidcProperties(
        @Nullable String jwksUrl,
        @Nullable String issuer,
        String rolesClaim,
        String schoolClaim,
        String trustSchoolsClaim) {
}
