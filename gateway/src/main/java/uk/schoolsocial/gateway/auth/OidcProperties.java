package uk.schoolsocial.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code smp.auth.oidc.*}: the production issuer, used when {@code smp.auth.mode} is {@code oidc}
 * (defaults in application.yml; docs/identity.md says how to set them for Entra ID and a broker).
 * Every claim name is a top-level claim, or else a path through nested objects separated by dots
 * ({@code realm_access.roles}): a name that is itself a top-level claim, such as a namespaced
 * {@code https://schoolsocial.uk/roles}, is read as that claim.
 *
 * @param jwksUrl           where the issuer publishes its signing keys
 * @param issuer            the exact {@code iss} its tokens carry
 * @param audience          the value the token's {@code aud} must contain: the identifier of the suite's
 *                          API at the issuer (Entra ID: the application (client) id of its app registration)
 * @param rolesClaim        the claim holding the caller's roles (an array, or one string)
 * @param schoolClaim       the claim holding the caller's school id
 * @param trustSchoolsClaim the claim holding other schools granted to the caller across a trust (an array, or
 *                          one string); a token without it grants none
 * @param clientIdClaim     the claim naming the client application a token was issued to ({@code azp})
 * @param clientSchools     machine clients (an MIS on the client-credentials grant) and the school each acts
 *                          for, {@code client-id=school-id} pairs separated by commas; used only for a token with
 *                          no school claim whose one role is INTEGRATION
 */
@ConfigurationProperties("smp.auth.oidc")
record OidcProperties(
        @Nullable String jwksUrl,
        @Nullable String issuer,
        @Nullable String audience,
        String rolesClaim,
        String schoolClaim,
        String trustSchoolsClaim,
        String clientIdClaim,
        @Nullable String clientSchools) {
}
