package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /docs}: Swagger UI (from the swagger-ui webjar, served under {@code /docs/assets/})
 * opened on the merged suite document, with the per-service documents and the shared audit API
 * in its dropdown.
 */
@Controller("/docs")
final class SwaggerUiController {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>%1$s: API</title>
              <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="/docs/assets/swagger-ui-bundle.js"></script>
            <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
            <script>
              window.ui = SwaggerUIBundle({
                urls: %2$s,
                "urls.primaryName": "%3$s",
                dom_id: "#swagger-ui",
                deepLinking: true,
                persistAuthorization: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                layout: "StandaloneLayout"
              });
            </script>
            </body>
            </html>
            """;

    private final String page;

    SwaggerUiController(SpecCatalog catalog) {
        List<Map<String, String>> urls = new ArrayList<>();
        urls.add(entry(SpecCatalog.SUITE));
        catalog.apis().forEach(api -> urls.add(entry(api)));
        try {
            this.page = PAGE.formatted(SpecMerger.TITLE, JsonMapper.builder().build().writeValueAsString(urls),
                    SpecCatalog.SUITE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the Swagger UI configuration", e);
        }
    }

    private static Map<String, String> entry(String name) {
        return Map.of("name", name, "url", "/openapi/" + name + ".yaml");
    }

    @Get(produces = MediaType.TEXT_HTML)
    String page() {
        return page;
    }
}
