package uk.schoolsocial.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import uk.schoolsocial.gateway.auth.dev.DevIssuer;

/**
 * What a caller's token must carry to be accepted: its issuer and the names of the role and
 * school claims. Built at startup ({@link Context}) so that an oidc mode without a JWKS URL or
 * issuer stops the gateway instead of leaving it with no way to verify tokens.
 */
@Context
final class CallerTokenPolicy {

    private final String issuer;
    private final String rolesClaim;
    private final String schoolClaim;
    private final String trustSchoolsClaim;

    CallerTokenPolicy(AuthProperties auth, OidcProperties oidc) {
        if (auth.authMode() == AuthMode.OIDC) {
            this.issuer = required(oidc.issuer(), "smp.auth.oidc.issuer");
            required(oidc.jwksUrl(), "smp.auth.oidc.jwks-url");
            this.rolesClaim = required(oidc.rolesClaim(), "smp.auth.oidc.roles-claim");
            this.schoolClaim = required(oidc.schoolClaim(), "smp.auth.oidc.school-claim");
            this.trustSchoolsClaim = required(oidc.trustSchoolsClaim(), "smp.auth.oidc.trust-schools-claim");
        } else {
            this.issuer = DevIssuer.ISSUER;
            this.rolesClaim = DevIssuer.ROLES_CLAIM;
            this.schoolClaim = DevIssuer.SCHOOL_CLAIM;
            this.trustSchoolsClaim = DevIssuer.TRUST_SCHOOLS_CLAIM;
        }
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(property + " must be set when smp.auth.mode is oidc");
        }
        return value;
    }

    String issuer() {
        return issuer;
    }

    String rolesClaim() {
        return rolesClaim;
    }

    String schoolClaim() {
        return schoolClaim;
    }

    String trustSchoolsClaim() {
        return trustSchoolsClaim;
    }
}
