package uk.schoolsocial.platform;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Loads {@code platform-defaults.yml} beneath every service's own configuration: the settings all
 * services share (internal-token security, datasource, Flyway, Axon tunables) live in one file,
 * and a service's {@code application.yml} or the environment override any of them.
 */
@ContextConfigurer
public final class PlatformDefaults implements ApplicationContextConfigurer {

    static final String RESOURCE = "platform-defaults.yml";
    /** Below application.yml (-300) and the environment, above nothing. */
    private static final int PRIORITY = -1000;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of(RESOURCE, read(), PRIORITY));
    }

    private static Map<String, Object> read() {
        try (InputStream in = PlatformDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform jar");
            }
            return new YamlPropertySourceLoader().read(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
