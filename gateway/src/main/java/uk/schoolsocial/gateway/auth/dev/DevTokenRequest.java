package uk.schoolsocial.gateway.auth.dev;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Body of {@code POST /dev/token}.
 *
 * @param user a demo user's short name, e.g. {@code slt}
 * @param amr  how the user is to have signed in (RFC 8176 values, e.g. {@code ["pwd", "mfa"]}), for the
 *             step-up of the most sensitive operations; none when absent
 */
@Serdeable
record DevTokenRequest(@Nullable String user, @Nullable List<String> amr) {
}
