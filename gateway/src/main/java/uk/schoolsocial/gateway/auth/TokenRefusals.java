package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Says why a request got 401: no token, or which rule its token broke, so the problem carries a
 * code that names it ({@link TokenRefusal}). The token is read again without trusting it, only to
 * explain a refusal that the signature and claim checks already made: it admits nothing. What a
 * signed and well-formed token can still fail on is its signature.
 */
@Singleton
public final class TokenRefusals {

    private static final String BEARER = "Bearer ";

    private final CallerTokenPolicy policy;
    private final Clock clock;

    TokenRefusals(CallerTokenPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Why the request's token, or its lack of one, got 401. */
    public Refused of(HttpRequest<?> request) {
        Optional<String> token = bearer(request);
        if (token.isEmpty()) {
            return new Refused(TokenRefusal.UNAUTHORIZED,
                    "This request needs a valid bearer token (Authorization: Bearer ...).");
        }
        JWTClaimsSet claims;
        try {
            JWT jwt = JWTParser.parse(token.get());
            if (!(jwt instanceof SignedJWT)) {
                return new Refused(TokenRefusal.TOKEN_UNREADABLE, "The bearer token is not a signed JWT.");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Refused(TokenRefusal.TOKEN_UNREADABLE, "The bearer token is not a signed JWT.");
        }
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() != null && !claims.getExpirationTime().after(now)) {
            return new Refused(TokenRefusal.TOKEN_EXPIRED, "The token has expired (exp); get a new one.");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            return new Refused(TokenRefusal.TOKEN_NOT_YET_VALID, "The token is not valid yet (nbf).");
        }
        if (policy.check(claims) instanceof CallerTokenPolicy.Verdict.Refused refused) {
            return new Refused(refused.refusal(), refused.detail());
        }
        return new Refused(TokenRefusal.TOKEN_SIGNATURE,
                "No signing key the trusted issuer publishes verifies the token's signature.");
    }

    /** Whether the request sent a bearer token at all (RFC 6750: then the challenge says {@code invalid_token}). */
    static boolean sentToken(HttpRequest<?> request) {
        return bearer(request).isPresent();
    }

    private static Optional<String> bearer(HttpRequest<?> request) {
        return request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip())
                .filter(value -> !value.isEmpty());
    }

    /**
     * A refusal: its code and what to tell the caller.
     *
     * @param refusal the stable code
     * @param detail  the problem's detail; never the token's content beyond the rule it broke
     */
    public record Refused(TokenRefusal refusal, String detail) {
    }
}
