package uk.schoolsocial.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Internal tokens as the gateway mints them (docs/runtime-contract.md), for service tests. They
 * live twelve hours, not the gateway's 60 seconds: tests mint them once per class, the common ones
 * ({@link Bearers}) once per test run, and a slow machine must not turn a long run into spurious 401s.
 */
public final class TestTokens {

    /** The secret in the services' test configuration. */
    public static final String SECRET = "test-internal-secret-0123456789-abcdefghijklmnop";
    public static final String SCHOOL = "test-school";
    public static final String OTHER_SCHOOL = "other-test-school";
    private static final long LIFETIME_MILLIS = 12 * 3_600_000L;

    private TestTokens() {
    }

    /**
     * A school of its own for one test, so that what the test records (breaches, holidays, figures)
     * is only its own, and the tokens of its people.
     */
    public record School(String id) {

        /** A school no other test uses. */
        public static School fresh() {
            return new School("school-" + UUID.randomUUID().toString().substring(0, 8));
        }

        public String token(String actor, String... roles) {
            return bearer(actor, id, roles);
        }
    }

    public static String bearer(String actorId, String school, String... roles) {
        return "Bearer " + token(SECRET, "school-social-gateway", actorId, school, roles);
    }

    public static String token(String secret, String issuer, String actorId, String school, String... roles) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(actorId)
                    .claim("roles", List.of(roles))
                    .issueTime(new Date())
                    .expirationTime(new Date(System.currentTimeMillis() + LIFETIME_MILLIS));
            if (school != null) {
                claims.claim("school", school);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
