package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.Optional;

/**
 * Turns a caller's token, whose signature and times Micronaut Security has checked, into a
 * {@link Caller} ({@link CallerTokenPolicy}), or refuses it: the request then counts as anonymous
 * and gets 401, whose code {@link TokenRefusals} names. Roles outside the suite's seven are dropped,
 * so an issuer's unrelated roles never reach the services.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
final class CallerAuthenticationFactory implements JwtAuthenticationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CallerAuthenticationFactory.class);

    private final CallerTokenPolicy policy;

    CallerAuthenticationFactory(CallerTokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            CallerTokenPolicy.Verdict verdict = policy.check(token.getJWTClaimsSet());
            if (verdict instanceof CallerTokenPolicy.Verdict.Accepted accepted) {
                return Optional.of(accepted.caller().toAuthentication(accepted.assurance()));
            }
            LOG.debug("Token refused: {}", ((CallerTokenPolicy.Verdict.Refused) verdict).refusal());
            return Optional.empty();
        } catch (ParseException e) {
            LOG.debug("Token refused: unreadable claims");
            return Optional.empty();
        }
    }
}
