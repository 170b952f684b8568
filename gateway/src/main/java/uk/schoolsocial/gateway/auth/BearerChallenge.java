package uk.schoolsocial.gateway.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/**
 * The {@code WWW-Authenticate} challenge a 401 must carry for a bearer-protected resource (RFC 6750,
 * 3): with {@code error="invalid_token"} when the request sent a token that was refused (3.1); the
 * problem's {@code code} says why. The step-up challenge is {@link StepUpFilter}'s.
 */
@Singleton
final class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    static final String REALM = "Bearer realm=\"school-social\"";

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        return TokenRefusals.sentToken(request) ? REALM + ", error=\"invalid_token\"" : REALM;
    }
}
