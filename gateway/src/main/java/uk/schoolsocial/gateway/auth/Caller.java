package uk.schoolsocial.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import uk.schoolsocial.platform.identity.Role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated caller a request acts for: always one school.
 *
 * @param actorId      the caller's id (the token's {@code sub}, a machine client's too)
 * @param roles        the caller's roles among the suite's seven, at least one (a token with none is refused)
 * @param school       the school the request acts for
 * @param name         display name, when the token had one
 * @param trustSchools other schools the caller's token grants them across a trust (DOMAIN: "nobody sees
 *                     another school's data unless granted across a trust"); on the audit API an AUDITOR's
 *                     request may act for one of them ({@link #actingFor})
 */
public record Caller(String actorId, List<Role> roles, String school, @Nullable String name, List<String> trustSchools) {

    /** The query parameter of the audit API that picks the school a request acts for. */
    public static final String SCHOOL_PARAMETER = "school";

    private static final String SCHOOL_ATTRIBUTE = "school";
    private static final String NAME_ATTRIBUTE = "name";
    private static final String TRUST_SCHOOLS_ATTRIBUTE = "trust_schools";

    public Caller {
        roles = List.copyOf(roles);
        trustSchools = trustSchools == null ? List.of() : List.copyOf(trustSchools);
    }

    /**
     * The caller acting for {@code school}: themselves for their own school (or none named). For another
     * school, only an AUDITOR whose token grants it across a trust, and then as an AUDITOR only (read and
     * replay, never change anything), whatever other roles they have at home; otherwise empty.
     */
    public Optional<Caller> actingFor(@Nullable String requested) {
        if (requested == null || requested.equals(school)) {
            return Optional.of(this);
        }
        if (!trustSchools.contains(requested) || !roles.contains(Role.AUDITOR)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(actorId, List.of(Role.AUDITOR), requested, name, trustSchools));
    }

    /** The detail of the 403 for a school {@link #actingFor} refused. */
    public static String notGranted(String requested) {
        return "You may not act for school '" + requested + "': it is neither your school nor one your token grants"
                + " an AUDITOR across a trust.";
    }

    /** The caller, and how they signed in, as Micronaut Security keeps them for the rest of the request. */
    Authentication toAuthentication(SignInAssurance assurance) {
        Map<String, Object> attributes = new HashMap<>();
        assurance.addTo(attributes);
        attributes.put(SCHOOL_ATTRIBUTE, school);
        if (name != null) {
            attributes.put(NAME_ATTRIBUTE, name);
        }
        if (!trustSchools.isEmpty()) {
            attributes.put(TRUST_SCHOOLS_ATTRIBUTE, trustSchools);
        }
        return Authentication.build(actorId, roles.stream().map(Role::name).toList(), attributes);
    }

    /** The caller of an authentication made by {@link CallerAuthenticationFactory}. */
    public static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        List<Role> roles = authentication.getRoles().stream().map(Role::valueOf).toList();
        String name = Optional.ofNullable(attributes.get(NAME_ATTRIBUTE)).map(Object::toString).orElse(null);
        List<String> trustSchools = attributes.get(TRUST_SCHOOLS_ATTRIBUTE) instanceof List<?> granted
                ? granted.stream().map(Object::toString).toList() : List.of();
        return new Caller(authentication.getName(), roles, attributes.get(SCHOOL_ATTRIBUTE).toString(), name,
                trustSchools);
    }
}
