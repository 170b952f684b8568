package uk.schoolsocial.platform.identity;

import java.util.Set;

/**
 * Who is acting and for which school, as the gateway vouched for it in the internal token.
 *
 * @param id       the subject of the caller's token
 * @param roles    the caller's roles in that school
 * @param schoolId the tenant every read and write of the request is confined to
 */
public record Actor(String id, Set<String> roles, String schoolId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
