package uk.schoolsocial.gateway.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/** The {@code WWW-Authenticate} challenge a 401 must carry for a bearer-protected resource (RFC 6750, 3). */
@Singleton
final class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        return "Bearer realm=\"school-social\"";
    }
}
