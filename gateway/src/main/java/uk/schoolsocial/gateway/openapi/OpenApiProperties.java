package uk.schoolsocial.gateway.openapi;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * {@code smp.openapi.*}: the contracts the gateway publishes (defaults in application.yml).
 *
 * @param location where the YAML files are ({@code classpath:} or {@code file:}); the build copies
 *                 {@code api-specs/openapi} into the jar's {@code openapi/}
 * @param services the services' spec names, in the order the docs list them ({@code NAME.yaml})
 * @param common   the spec name of the components the services share
 * @param shared   specs of APIs that every service serves rather than one (the audit trail):
 *                 served, merged into the suite and listed on the docs page after the services'
 */
@ConfigurationProperties("smp.openapi")
record OpenApiProperties(
        String location,
        List<String> services,
        String common,
        @Nullable List<String> shared) {

    /** The shared specs' names; none when unset. */
    List<String> sharedSpecs() {
        return shared == null ? List.of() : shared;
    }
}
