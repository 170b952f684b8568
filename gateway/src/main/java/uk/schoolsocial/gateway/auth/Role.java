package uk.schoolsocial.gateway.auth;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the suite (DOMAIN.md, "People and roles"); a token's other roles are ignored. */
public enum Role {
    STAFF, SLT, DSL, ACCOUNT_ADMIN, PARENT, AUDITOR, INTEGRATION;

    /** The role of exactly this name; names are case-sensitive, as services compare them so. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
