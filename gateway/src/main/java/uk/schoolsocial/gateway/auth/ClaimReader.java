package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a configured claim: the top-level claim of exactly that name, else a path through nested
 * objects separated by dots (Keycloak's {@code realm_access.roles}). The top-level name comes first
 * so that namespaced claims ({@code https://schoolsocial.uk/roles}, as Auth0 requires) still work.
 */
final class ClaimReader {

    private ClaimReader() {
    }

    static Object read(JWTClaimsSet claims, String name) {
        Map<String, Object> all = claims.getClaims();
        if (all.containsKey(name)) {
            return all.get(name);
        }
        Object current = all;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }

    /** The values of a claim that is an array, or one string of values separated by spaces or commas. */
    static Stream<String> values(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(Object::toString);
        }
        if (claim instanceof String value) {
            return Arrays.stream(value.split("[\\s,]+")).filter(part -> !part.isEmpty());
        }
        return Stream.empty();
    }
}
