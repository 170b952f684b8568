package uk.schoolsocial.gateway.routing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.platform.identity.Role;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Mints the internal token that tells a service who the caller is (runtime contract, "Identity
 * passed from the gateway to services"). Short-lived, so a token that leaks from a service's
 * logs is useless within a minute. Created at startup, so a missing or short secret stops the
 * gateway rather than failing the first request.
 */
@Context
public final class InternalTokenMinter {

    static final String ISSUER = "school-social-gateway";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final int MIN_SECRET_LENGTH = 32;

    private final MACSigner signer;
    private final Clock clock;

    InternalTokenMinter(InternalTokenProperties properties, Clock clock) {
        String secret = properties.secret();
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException("smp.internal-token.secret (SMP_INTERNAL_TOKEN_SECRET) must be set,"
                    + " at least " + MIN_SECRET_LENGTH + " characters long");
        }
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new ConfigurationException("smp.internal-token.secret cannot be used as an HS256 key", e);
        }
        this.clock = clock;
    }

    /** A signed HS256 token carrying the caller's id, roles, school and name. */
    public String mint(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(caller.actorId())
                .claim("roles", caller.roles().stream().map(Role::name).toList())
                .claim("school", caller.school())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        if (caller.name() != null) {
            claims.claim("name", caller.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the internal token", e);
        }
        return jwt.serialize();
    }
}
