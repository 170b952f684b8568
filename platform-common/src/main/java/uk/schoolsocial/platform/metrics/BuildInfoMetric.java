package uk.schoolsocial.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * {@code smp_build_info{version, commit} 1} at {@code /prometheus}: which build a service or the
 * gateway runs (issue 14), in place of an {@code /info} endpoint. Maven fills both in (platform's
 * platform-defaults.yml, the gateway's application.yml); a build without them (an IDE's) says
 * {@code unknown}.
 */
@Singleton
final class BuildInfoMetric implements MeterBinder {

    static final String NAME = "smp.build.info";

    private final String version;
    private final String commit;

    BuildInfoMetric(@Value("${smp.build.version:unknown}") String version,
                    @Value("${smp.build.commit:unknown}") String commit) {
        this.version = filled(version);
        this.commit = filled(commit);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, () -> 1).tags("version", version, "commit", commit)
                .description("The build this deployable runs; always 1").register(registry);
    }

    private static String filled(String value) {
        return value == null || value.isBlank() || value.contains("@") ? "unknown" : value;
    }
}
