package uk.schoolsocial.gateway.auth.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import uk.schoolsocial.gateway.auth.AuthProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** The built-in issuer of dev mode: signs RS256 tokens for the demo users. */
@Singleton
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.DEV, defaultValue = AuthProperties.DEV)
public final class DevIssuer {

    /** The {@code iss} of dev tokens. */
    public static final String ISSUER = "school-social-dev";
    /** The {@code aud} of dev tokens: the suite's API, as an identity provider would name it. */
    public static final String AUDIENCE = "school-social";
    /** The claim holding a dev token's roles. */
    public static final String ROLES_CLAIM = "roles";
    /** The claim holding a dev token's school. */
    public static final String SCHOOL_CLAIM = "school_id";
    /** The claim holding the other schools a dev token grants across a trust. */
    public static final String TRUST_SCHOOLS_CLAIM = "trust_schools";
    /** Long enough that a demo session never has to fetch a new token. */
    static final Duration LIFETIME = Duration.ofDays(30);

    private final DevSigningKey signingKey;
    private final Clock clock;

    DevIssuer(DevSigningKey signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /**
     * A signed token for the demo user, with these authentication methods ({@code amr}, none when
     * empty), so a demo or test can show a step-up with and without multi-factor authentication.
     */
    String issue(DemoUser user, List<String> methods) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.actorId())
                .claim(ROLES_CLAIM, List.of(user.role().name()))
                .claim(SCHOOL_CLAIM, user.school())
                .claim("name", user.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        if (!methods.isEmpty()) {
            claims.claim("amr", methods);
        }
        if (!user.trustSchools().isEmpty()) {
            claims.claim(TRUST_SCHOOLS_CLAIM, user.trustSchools());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.key().getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("The dev issuer key cannot sign", e);
        }
        return jwt.serialize();
    }

    /** The public half of the key, as a JWK Set document. */
    Map<String, Object> publicKeys() {
        return new JWKSet(signingKey.key().toPublicJWK()).toJSONObject();
    }
}
