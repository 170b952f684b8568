package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a caller's token, whose signature and expiry Micronaut Security has checked, into a
 * {@link Caller}, or refuses it (the request then counts as anonymous and gets 401).
 * Refused: another issuer (compared exactly; Micronaut's own issuer check only compares
 * suffixes), no expiry (Micronaut checks {@code exp} only when present), no subject, no school
 * (every request acts for one school). Roles outside the
 * suite's seven are dropped, so an issuer's unrelated roles never reach the services.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
final class CallerAuthenticationFactory implements JwtAuthenticationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CallerAuthenticationFactory.class);
    private static final String NAME_CLAIM = "name";

    private final CallerTokenPolicy policy;

    CallerAuthenticationFactory(CallerTokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            return caller(token.getJWTClaimsSet()).map(Caller::toAuthentication);
        } catch (ParseException e) {
            LOG.debug("Token refused: unreadable claims", e);
            return Optional.empty();
        }
    }

    private Optional<Caller> caller(JWTClaimsSet claims) {
        if (!policy.issuer().equals(claims.getIssuer())) {
            return refuse("issuer is " + claims.getIssuer());
        }
        if (claims.getExpirationTime() == null) {
            return refuse("no expiry");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return refuse("no subject");
        }
        if (!(claims.getClaim(policy.schoolClaim()) instanceof String school) || school.isBlank()) {
            return refuse("no school claim '" + policy.schoolClaim() + "'");
        }
        String name = claims.getClaim(NAME_CLAIM) instanceof String given && !given.isBlank() ? given : null;
        return Optional.of(new Caller(subject, roles(claims.getClaim(policy.rolesClaim())), school, name,
                trustSchools(claims.getClaim(policy.trustSchoolsClaim()), school)));
    }

    /** Schools granted across a trust: an array, or one string of ids separated by spaces or commas. */
    private static List<String> trustSchools(Object claim, String school) {
        return values(claim).filter(id -> !id.isBlank() && !id.equals(school)).distinct().toList();
    }

    private static Stream<String> values(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(Object::toString);
        }
        if (claim instanceof String value) {
            return Arrays.stream(value.split("[\\s,]+"));
        }
        return Stream.empty();
    }

    private static List<Role> roles(Object claim) {
        return values(claim).map(Role::named).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<Caller> refuse(String reason) {
        LOG.debug("Token refused: {}", reason);
        return Optional.empty();
    }
}
