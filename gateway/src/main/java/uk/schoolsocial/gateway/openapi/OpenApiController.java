package uk.schoolsocial.gateway.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import uk.schoolsocial.gateway.web.Problems;

import java.util.Optional;

/**
 * Serves the specs: {@code /openapi/NAME.yaml} per service, per shared API ({@code audit.yaml}), the
 * shared components ({@code common.yaml}), and {@code suite.yaml}.
 */
@Controller("/openapi")
final class OpenApiController {

    /** RFC 9512's media type for YAML. */
    static final String YAML = "application/yaml";
    private static final String SUFFIX = ".yaml";

    private final SpecCatalog catalog;

    OpenApiController(SpecCatalog catalog) {
        this.catalog = catalog;
    }

    @Get("/{file}")
    HttpResponse<?> spec(String file) {
        Optional<String> document = file.endsWith(SUFFIX)
                ? catalog.document(file.substring(0, file.length() - SUFFIX.length()))
                : Optional.empty();
        return document.<HttpResponse<?>>map(yaml -> HttpResponse.ok(yaml).contentType(YAML))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "No OpenAPI document " + file));
    }
}
