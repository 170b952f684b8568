package uk.schoolsocial.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated caller a request acts for: always one school.
 *
 * @param actorId the caller's id (the token's {@code sub})
 * @param roles   the caller's roles among the suite's seven, possibly none
 * @param school  the school the request acts for
 * @param name    display name, when the token had one
 */
public record Caller(String actorId, List<Role> roles, String school, @Nullable String name) {

    private static final String SCHOOL_ATTRIBUTE = "school";
    private static final String NAME_ATTRIBUTE = "name";

    /** The caller as Micronaut Security keeps it for the rest of the request. */
    Authentication toAuthentication() {
        Map<String, Object> attributes = name == null
                ? Map.of(SCHOOL_ATTRIBUTE, school)
                : Map.of(SCHOOL_ATTRIBUTE, school, NAME_ATTRIBUTE, name);
        return Authentication.build(actorId, roles.stream().map(Role::name).toList(), attributes);
    }

    /** The caller of an authentication made by {@link CallerAuthenticationFactory}. */
    public static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        List<Role> roles = authentication.getRoles().stream().map(Role::valueOf).toList();
        String name = Optional.ofNullable(attributes.get(NAME_ATTRIBUTE)).map(Object::toString).orElse(null);
        return new Caller(authentication.getName(), roles, attributes.get(SCHOOL_ATTRIBUTE).toString(), name);
    }
}
