package uk.schoolsocial.platform.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** The actor and correlation id of the request being served. */
@Singleton
public class CurrentActor {

    /** Claim of the internal token that names the school. */
    public static final String SCHOOL_CLAIM = "school";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final SecurityService security;

    CurrentActor(SecurityService security) {
        this.security = security;
    }

    public Actor get() {
        Authentication authentication = security.getAuthentication()
                .orElseThrow(() -> new AuthorizationException(null));
        return of(authentication);
    }

    public static Actor of(Authentication authentication) {
        Object school = authentication.getAttributes().get(SCHOOL_CLAIM);
        if (school == null || school.toString().isBlank()) {
            // A request always acts for one school; a token without one is not ours.
            throw new AuthorizationException(authentication);
        }
        return new Actor(authentication.getName(), java.util.Set.copyOf(authentication.getRoles()), school.toString());
    }

    /** The request's correlation id (from the gateway), or a new one for work not started by a request. */
    public String correlationId() {
        return ServerRequestContext.currentRequest()
                .flatMap(CurrentActor::correlationHeader)
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    private static Optional<String> correlationHeader(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get(CORRELATION_HEADER))
                .filter(value -> !value.isBlank() && value.length() <= 128);
    }
}
