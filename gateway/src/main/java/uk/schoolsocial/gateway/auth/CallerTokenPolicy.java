package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import uk.schoolsocial.gateway.auth.dev.DevIssuer;
import uk.schoolsocial.platform.identity.Role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a caller's token must carry to be accepted, and the {@link Caller} it makes: its issuer,
 * audience, subject, school and roles, read through the configured claim names ({@link ClaimReader}).
 * Built at startup ({@link Context}) so that an oidc mode without a JWKS URL, issuer or audience, or
 * with unreadable client schools, stops the gateway instead of leaving it with no way to verify tokens.
 *
 * <p>A machine client (an MIS on the client-credentials grant) has no person behind it, so its
 * identity provider usually gives its token no school: a token without a school claim whose only
 * suite role is INTEGRATION acts for the school {@code smp.auth.oidc.client-schools} gives its client
 * ({@code azp}). Any other token without a school is refused.
 */
@Context
final class CallerTokenPolicy {

    private static final String NAME_CLAIM = "name";
    private static final String AMR_CLAIM = "amr";
    private static final String ACR_CLAIM = "acr";
    /** Entra ID's v2.0 access tokens: the Conditional Access authentication contexts satisfied. */
    private static final String ACRS_CLAIM = "acrs";

    private final String issuer;
    private final String audience;
    private final String rolesClaim;
    private final String schoolClaim;
    private final String trustSchoolsClaim;
    private final String clientIdClaim;
    private final Map<String, String> clientSchools;

    CallerTokenPolicy(AuthProperties auth, OidcProperties oidc) {
        if (auth.authMode() == AuthMode.OIDC) {
            this.issuer = required(oidc.issuer(), "smp.auth.oidc.issuer");
            required(oidc.jwksUrl(), "smp.auth.oidc.jwks-url");
            this.audience = required(oidc.audience(), "smp.auth.oidc.audience");
            this.rolesClaim = required(oidc.rolesClaim(), "smp.auth.oidc.roles-claim");
            this.schoolClaim = required(oidc.schoolClaim(), "smp.auth.oidc.school-claim");
            this.trustSchoolsClaim = required(oidc.trustSchoolsClaim(), "smp.auth.oidc.trust-schools-claim");
            this.clientIdClaim = required(oidc.clientIdClaim(), "smp.auth.oidc.client-id-claim");
            this.clientSchools = clientSchools(oidc.clientSchools());
        } else {
            this.issuer = DevIssuer.ISSUER;
            this.audience = DevIssuer.AUDIENCE;
            this.rolesClaim = DevIssuer.ROLES_CLAIM;
            this.schoolClaim = DevIssuer.SCHOOL_CLAIM;
            this.trustSchoolsClaim = DevIssuer.TRUST_SCHOOLS_CLAIM;
            this.clientIdClaim = "azp";
            this.clientSchools = Map.of();
        }
    }

    /** The outcome of {@link #check}. */
    sealed interface Verdict {

        record Accepted(Caller caller, SignInAssurance assurance) implements Verdict {
        }

        record Refused(TokenRefusal refusal, String detail) implements Verdict {
        }
    }

    /**
     * The caller of a token with these claims, or why it is refused. Signature and times are checked
     * before (by Micronaut Security; {@link TokenRefusals} for the reason of a refusal); {@code iss} is
     * compared exactly here, as Micronaut's own issuer check only compares suffixes.
     */
    Verdict check(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            return refuse(TokenRefusal.TOKEN_ISSUER, "The token's issuer (iss) is not the one the gateway trusts.");
        }
        if (claims.getExpirationTime() == null) {
            // Micronaut checks exp only when present: a token without one would never expire.
            return refuse(TokenRefusal.TOKEN_EXPIRED, "The token has no expiry (exp).");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return refuse(TokenRefusal.TOKEN_AUDIENCE, "The token's audience (aud) does not name this API ('"
                    + audience + "').");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return refuse(TokenRefusal.TOKEN_NO_SUBJECT, "The token has no subject (sub).");
        }
        List<Role> roles = ClaimReader.values(ClaimReader.read(claims, rolesClaim))
                .map(Role::named).flatMap(Optional::stream).distinct().toList();
        if (roles.isEmpty()) {
            return refuse(TokenRefusal.TOKEN_NO_ROLE, "The token's claim '" + rolesClaim
                    + "' holds none of the roles STAFF, SLT, DSL, ACCOUNT_ADMIN, PARENT, AUDITOR, INTEGRATION.");
        }
        Optional<String> school = school(claims, roles);
        if (school.isEmpty()) {
            return refuse(TokenRefusal.TOKEN_NO_SCHOOL, "The token has no school claim '" + schoolClaim
                    + "', and is not a machine client (INTEGRATION) configured with a school.");
        }
        String name = ClaimReader.read(claims, NAME_CLAIM) instanceof String given && !given.isBlank() ? given : null;
        List<String> trustSchools = ClaimReader.values(ClaimReader.read(claims, trustSchoolsClaim))
                .filter(id -> !id.isBlank() && !id.equals(school.get())).distinct().toList();
        SignInAssurance assurance = new SignInAssurance(ClaimReader.values(claims.getClaim(AMR_CLAIM)).distinct().toList(),
                Stream.concat(Stream.ofNullable(claims.getClaim(ACR_CLAIM)).map(Object::toString),
                        ClaimReader.values(claims.getClaim(ACRS_CLAIM))).distinct().toList());
        return new Verdict.Accepted(new Caller(subject, roles, school.get(), name, trustSchools), assurance);
    }

    private Optional<String> school(JWTClaimsSet claims, List<Role> roles) {
        if (ClaimReader.read(claims, schoolClaim) instanceof String school && !school.isBlank()) {
            return Optional.of(school);
        }
        if (!roles.equals(List.of(Role.INTEGRATION))
                || !(ClaimReader.read(claims, clientIdClaim) instanceof String client)) {
            return Optional.empty();
        }
        return Optional.ofNullable(clientSchools.get(client));
    }

    private static Verdict refuse(TokenRefusal refusal, String detail) {
        return new Verdict.Refused(refusal, detail);
    }

    private static Map<String, String> clientSchools(@Nullable String pairs) {
        Map<String, String> schools = new HashMap<>();
        if (pairs == null || pairs.isBlank()) {
            return schools;
        }
        for (String pair : pairs.split(",")) {
            String[] parts = pair.strip().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()
                    || schools.putIfAbsent(parts[0].strip(), parts[1].strip()) != null) {
                throw new ConfigurationException("smp.auth.oidc.client-schools must be client-id=school-id pairs"
                        + " separated by commas, each client once; '" + pair.strip() + "' is not");
            }
        }
        return schools;
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(property + " must be set when smp.auth.mode is oidc");
        }
        return value;
    }
}
