package uk.schoolsocial.gateway.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * {@code smp.cors.*}: which browser origins may call the API (issue 18).
 *
 * @param allowedOrigins exact origins ({@code https://app.example.org}); none by default
 * @param maxAge         how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("smp.cors")
record CorsProperties(@Nullable List<String> allowedOrigins, @Nullable Duration maxAge) {

    List<String> origins() {
        return allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::trim)
                .filter(origin -> !origin.isEmpty()).toList();
    }

    Duration preflightCache() {
        return maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
