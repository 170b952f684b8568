package uk.schoolsocial.gateway.auth.dev;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /dev/token}.
 *
 * @param user a demo user's short name, e.g. {@code slt}
 */
@Serdeable
record DevTokenRequest(@Nullable String user) {
}
