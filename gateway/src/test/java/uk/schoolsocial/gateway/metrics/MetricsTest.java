package uk.schoolsocial.gateway.metrics;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.RestAssured;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * Issue 14: the gateway's {@code /prometheus} shows its HTTP server and client timings by route
 * (the configured prefix, never a path with ids in it) and status, the JVM and its build, to a
 * scraper with the scrape token only; without a token configured it is not served. A real service
 * stands behind it (the routing tests' echo service).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements TestPropertyProvider {

    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789abcdef";

    /** The routing tests' echo service (their {@code test.downstream}). */
    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi("test.downstream");

    @Override
    public Map<String, String> getProperties() {
        return Map.of("smp.services.account.url", GATEWAY.stubUrl("/account-svc"),
                "smp.services.consent.url", "http://127.0.0.1:" + GatewayApi.unusedPort(),
                "smp.metrics.scrape-token", SCRAPE_TOKEN);
    }

    private String scrape() {
        return GATEWAY.request().auth().oauth2(SCRAPE_TOKEN).get("/prometheus").then()
                .statusCode(200).extract().asString();
    }

    static double sample(String scrape, String name, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    @Test
    void aScrapeShowsServerAndClientTimingsByRouteAndStatus() {
        GATEWAY.as("slt")
                .get("/api/v1/accounts/acc-4242/echo").then().statusCode(200);
        GATEWAY.request().get("/health/liveness").then().statusCode(200);

        GATEWAY.as("slt")
                .get("/api/v1/nowhere/x").then().statusCode(404);
        GATEWAY.as("slt")
                .get("/api/v1/consents/x").then().statusCode(502); // the consent service is not running
        String scrape = scrape();
        assertTrue(sample(scrape, "http_server_requests_seconds_count", "uri=\"/api/v1/accounts/**\"",
                "method=\"GET\"", "status=\"200\"") >= 1, scrape);
        assertTrue(sample(scrape, "http_client_requests_seconds_count", "uri=\"/api/v1/accounts/**\"",
                "status=\"200\"") >= 1, scrape);
        assertTrue(sample(scrape, "http_server_requests_seconds_count", "uri=\"/health/{selector}\"", "status=\"200\"") >= 1,
                scrape);
        // What the 5xx alert counts: a service that cannot be reached, by its route.
        assertEquals(1.0, sample(scrape, "http_server_requests_seconds_count", "uri=\"/api/v1/consents/**\"",
                "status=\"502\""), scrape);
        assertEquals(1.0, sample(scrape, "http_server_requests_seconds_count", "uri=\"NOT_FOUND\"",
                "status=\"404\""), scrape);
        assertTrue(sample(scrape, "jvm_memory_used_bytes") > 0, "no JVM metrics");
        assertEquals(1.0, sample(scrape, "smp_build_info", "service=\"gateway\""), "no build info");
        assertFalse(scrape.contains("acc-4242") || scrape.contains("nowhere"), "a path became a label");
    }

    @Test
    void theMetricsNeedTheScrapeToken() {
        GATEWAY.request().get("/prometheus").then().statusCode(401)
                .body("status", equalTo(401));
        GATEWAY.request().auth().oauth2("scrape-token-for-tests-0123456789abcdeX")
                .get("/prometheus").then().statusCode(401);
        // A caller's own token is not the scrape token.
        GATEWAY.as("slt")
                .get("/prometheus").then().statusCode(401);
    }

    @Test
    void withoutAScrapeTokenTheMetricsAreNotServed() {
        try (EmbeddedServer bare = ApplicationContext.run(EmbeddedServer.class,
                Map.of("smp.metrics.scrape-token", ""), "test")) {
            RestAssured.given().port(bare.getPort()).get("/prometheus").then().statusCode(404);
            RestAssured.given().port(bare.getPort()).get("/health/liveness").then().statusCode(200);
            for (String endpoint : new String[] {"/info", "/refresh", "/routes", "/metrics"}) {
                int status = RestAssured.given().port(bare.getPort()).get(endpoint).then().extract().statusCode();
                assertTrue(status == 404 || status == 401, endpoint + " answered " + status);
            }
        }
    }
}
