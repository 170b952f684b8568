package uk.schoolsocial.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14: the gateway's readiness follows the services': {@code /health} and
 * {@code /health/readiness} are 503 while a service's readiness is DOWN or does not answer (its
 * database frozen), and 200 again once it is back; {@code /health/liveness} is the gateway alone
 * and stays 200. The services here are stand-ins whose {@code /health/readiness} a test sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest {

    /** Per stand-in service: the status its readiness answers; 0 = never answers. */
    private final Map<String, Integer> readiness = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer services;
    private EmbeddedServer gateway;

    @BeforeAll
    void start() throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.setExecutor(Executors.newCachedThreadPool());
        for (String service : new String[] {"account", "incident", "consent"}) {
            readiness.put(service, 200);
            services.createContext("/" + service + "/health/readiness", exchange -> {
                int status = readiness.get(service);
                if (status == 0) {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    status = 503;
                }
                byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}").getBytes();
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        services.start();
        String base = "http://127.0.0.1:" + services.getAddress().getPort();
        gateway = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "smp.services.account.url", base + "/account",
                "smp.services.incident.url", base + "/incident",
                "smp.services.consent.url", base + "/consent"), "test");
    }

    @AfterAll
    void stop() {
        released.countDown();
        gateway.close();
        services.stop(0);
    }

    private int health(String path) {
        return RestAssured.given().port(gateway.getPort()).get(path).then().extract().statusCode();
    }

    @Test
    @DisplayName("Readiness is DOWN while a service is not ready or does not answer; liveness stays UP")
    void readinessFollowsTheServices() {
        assertEquals(200, health("/health"));
        assertEquals(200, health("/health/readiness"));

        readiness.put("incident", 503);
        assertEquals(503, health("/health"));
        assertEquals(503, health("/health/readiness"));
        assertEquals(200, health("/health/liveness"));

        readiness.put("incident", 200);
        readiness.put("consent", 0);
        long started = System.nanoTime();
        assertEquals(503, health("/health/readiness"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5_000, "a service that does not answer held the gateway's readiness " + millis + " ms");
        assertEquals(200, health("/health/liveness"));

        readiness.put("consent", 200);
        assertEquals(200, health("/health/readiness"));
    }
}
