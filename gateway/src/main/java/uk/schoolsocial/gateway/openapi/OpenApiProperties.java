package uk.schoolsocial.gateway.openapi;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/**
 * {@code smp.openapi.*}: the contracts the gateway publishes (defaults in application.yml).
 *
 * @param location where the YAML files are ({@code classpath:} or {@code file:}); the build copies
 *                 {@code api-specs/openapi} into the jar's {@code openapi/}
 * @param services the services' spec names, in the order the docs list them ({@code NAME.yaml})
 * @param common   the spec name of the components the services share
 */
@ConfigurationProperties("smp.openapi")
record OpenApiProperties(
        String location,
        List<String> services,
        String common) {
}
