package uk.schoolsocial.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real specs of api-specs/openapi, as the build packs them into the jar, merge into a suite
 * holding every path of every service and of the audit API they share: the build fails here, not the gateway's startup, when
 * two services define a component differently. Specs not yet written are left out.
 */
class PackagedSpecsTest {

    @Test
    void packagedSpecsMergeKeepingEveryPath() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("smp.openapi.location", "classpath:openapi",
                "smp.openapi.services", "account,incident,consent", "smp.openapi.shared", "audit,privacy,webhooks"))) {
            SpecCatalog catalog = context.getBean(SpecCatalog.class);
            YAMLMapper yaml = new YAMLMapper();
            JsonNode suite = yaml.readTree(catalog.document(SpecCatalog.SUITE).orElseThrow());

            assertTrue(catalog.apis().contains("audit"), "audit.yaml is packaged: " + catalog.apis());
            assertTrue(suite.path("paths").has("/api/v1/audit/events"));
            // AUD-4: the erasure API is shared the same way
            assertTrue(catalog.apis().contains("privacy"), "privacy.yaml is packaged: " + catalog.apis());
            assertTrue(suite.path("paths").has("/api/v1/privacy/erasures"));
            assertTrue(suite.path("paths").has("/api/v1/privacy/{service}/holds"));
            // INT-1: the webhook API, the gateway's and each service's
            assertTrue(suite.path("paths").has("/api/v1/webhooks/subscriptions"));
            assertTrue(suite.path("paths").has("/api/v1/webhooks/services/{service}/subscriptions/{subscriptionId}"));
            assertTrue(suite.at("/components/schemas").has("SuiteErasure"));
            for (String service : catalog.apis()) {
                JsonNode spec = yaml.readTree(catalog.document(service).orElseThrow());
                String basePath = spec.at("/servers/0/url").asText().replaceAll("/+$", "");
                spec.path("paths").fieldNames().forEachRemaining(path ->
                        assertTrue(suite.path("paths").has(basePath + path), service + ": " + path));
            }
        }
    }
}
