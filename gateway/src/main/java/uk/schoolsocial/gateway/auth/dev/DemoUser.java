package uk.schoolsocial.gateway.auth.dev;

import io.micronaut.serde.annotation.Serdeable;
import uk.schoolsocial.platform.identity.Role;
import java.util.List;

/**
 * A user the dev issuer can sign tokens for (runtime contract, "Demo users").
 *
 * @param user    the short name asked for at {@code POST /dev/token}
 * @param actorId the token's {@code sub}
 * @param role    the one role the user has
 * @param school  the school the user acts for
 * @param name    display name
 * @param trustSchools other schools the user is granted across a trust
 */
@Serdeable
record DemoUser(String user, String actorId, Role role, String school, String name, List<String> trustSchools) {
}
