package uk.schoolsocial.gateway.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code smp.rate-limit.*} (issue 18): how many requests the gateway takes in each window.
 *
 * @param enabled    off only for a benchmark of the services behind the gateway
 * @param perCaller  requests per window of one caller (token subject in its school)
 * @param perAddress requests per window from one client address, whoever calls
 * @param anonymous  requests per window from one client address without a valid token (demo tokens,
 *                   refused tokens, the API page)
 * @param window     the window, refilled continuously
 * @param clientAddressHeader behind a reverse proxy, the header it writes the client's address into
 *                   ({@code X-Forwarded-For}); its last value is taken, the one the proxy added.
 *                   Without it, the connection's address: a header a client sends is never trusted.
 */
@ConfigurationProperties("smp.rate-limit")
public record RateLimitProperties(@Nullable Boolean enabled, @Nullable Integer perCaller,
                                  @Nullable Integer perAddress, @Nullable Integer anonymous,
                                  @Nullable Duration window, @Nullable String clientAddressHeader) {

    boolean on() {
        return enabled == null || enabled;
    }

    int caller() {
        return positive(perCaller, 3_000, "per-caller");
    }

    int address() {
        return positive(perAddress, 6_000, "per-address");
    }

    int unauthenticated() {
        return positive(anonymous, 300, "anonymous");
    }

    Duration period() {
        Duration period = window == null ? Duration.ofMinutes(1) : window;
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException("smp.rate-limit.window must be positive");
        }
        return period;
    }

    private static int positive(Integer value, int otherwise, String name) {
        int limit = value == null ? otherwise : value;
        if (limit < 1) {
            throw new IllegalStateException("smp.rate-limit." + name + " must be at least 1");
        }
        return limit;
    }
}
