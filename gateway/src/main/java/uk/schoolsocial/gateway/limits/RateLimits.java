package uk.schoolsocial.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.Problem;

/**
 * The token buckets of the gateway's rate limits (issue 18): one per caller, one per client address
 * and one per address for requests without a valid token, each refilled continuously over the
 * window. Buckets live in a bounded cache and are forgotten when idle for two windows, so a flood of
 * addresses cannot grow memory without bound. A refusal is 429 with {@code Retry-After}; every
 * answer to a caller says where they stand ({@code RateLimit} and {@code RateLimit-Policy}, IETF
 * draft-ietf-httpapi-ratelimit-headers).
 */
@Singleton
public class RateLimits {

    /** Which limit. */
    public enum Policy {
        CALLER("caller"), ADDRESS("address"), ANONYMOUS("anonymous");

        final String name;

        Policy(String name) {
            this.name = name;
        }
    }

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    RateLimits(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterAccess(properties.period().multipliedBy(2)).build();
        properties.caller();
        properties.address();
        properties.unauthenticated();
    }

    boolean enabled() {
        return properties.on();
    }

    /** The outcome of taking one request from a bucket. */
    public record Taken(Policy policy, int limit, long remaining, long secondsToRetry, long secondsToFull,
                        long window) {

        public boolean allowed() {
            return secondsToRetry == 0;
        }

        /** {@code RateLimit-Policy}: the limit and its window. */
        String policyHeader() {
            return "\"" + policy.name + "\";q=" + limit + ";w=" + window;
        }

        /** {@code RateLimit}: what is left and when the bucket is full again. */
        String stateHeader() {
            return "\"" + policy.name + "\";r=" + remaining + ";t=" + secondsToFull;
        }
    }

    /** Whether {@code who} has nothing left under {@code policy} (takes nothing). */
    boolean exhausted(Policy policy, String who) {
        Bucket bucket = buckets.getIfPresent(policy.name + "|" + who);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    Taken take(Policy policy, String who) {
        int limit = limit(policy);
        Duration window = properties.period();
        Bucket bucket = buckets.get(policy.name + "|" + who, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long full = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Taken(policy, limit, probe.getRemainingTokens(), 0, full, window.toSeconds());
        }
        return new Taken(policy, limit, 0, Math.max(1, seconds(probe.getNanosToWaitForRefill())), full,
                window.toSeconds());
    }

    private int limit(Policy policy) {
        return switch (policy) {
            case CALLER -> properties.caller();
            case ADDRESS -> properties.address();
            case ANONYMOUS -> properties.unauthenticated();
        };
    }

    /** 429 for a refused request, saying which limit and when to try again. */
    static MutableHttpResponse<Problem> refused(Taken taken) {
        MutableHttpResponse<Problem> response = Problems.response(HttpStatus.TOO_MANY_REQUESTS, "More than "
                + taken.limit() + " requests in " + taken.window() + " s " + switch (taken.policy()) {
                    case CALLER -> "from this caller";
                    case ADDRESS -> "from this address";
                    case ANONYMOUS -> "without a valid token from this address";
                } + "; retry after " + taken.secondsToRetry() + " s.");
        decorate(response, taken);
        response.getHeaders().set(io.micronaut.http.HttpHeaders.RETRY_AFTER, Long.toString(taken.secondsToRetry()));
        return response;
    }

    static void decorate(MutableHttpResponse<?> response, Taken taken) {
        response.getHeaders().set("RateLimit-Policy", taken.policyHeader());
        response.getHeaders().set("RateLimit", taken.stateHeader());
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
