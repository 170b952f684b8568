package uk.schoolsocial.gateway.routing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code smp.internal-token.*}: the token the gateway gives the services.
 *
 * @param secret the HS256 key shared with every service ({@code SMP_INTERNAL_TOKEN_SECRET})
 */
@ConfigurationProperties("smp.internal-token")
record InternalTokenProperties(@Nullable String secret) {
}
