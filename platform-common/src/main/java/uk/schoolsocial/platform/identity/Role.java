package uk.schoolsocial.platform.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the suite (DOMAIN.md, "People and roles") as the gateway reads them from a school's
 * token; a token's other roles are ignored. The same names as {@link Roles}, which annotations
 * need as constants; {@link Roles#OPERATOR} is not among them, as no school's token may carry it.
 */
public enum Role {
    STAFF, SLT, DSL, ACCOUNT_ADMIN, PARENT, AUDITOR, INTEGRATION;

    /** The role of exactly this name; names are case-sensitive, as services compare them so. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
