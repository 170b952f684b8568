package uk.schoolsocial.gateway.routing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;
import uk.schoolsocial.gateway.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: a body larger than its operation takes is refused by the gateway with 413
 * problem+json before any service is called, whether it declares its length or comes chunked;
 * the limits are the contracts' {@code x-max-body-bytes} (test-openapi: 1 KiB by default, 4 KiB for
 * one operation). A body over 10 MiB answered 502 after ten seconds.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyLimitTest implements TestPropertyProvider {

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(ProxyTest.DOWNSTREAM_PROPERTY);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "smp.services.account.url", GATEWAY.stubUrl("/account-svc"),
                "smp.services.incident.url", GATEWAY.stubUrl("/incident-svc"),
                "smp.services.consent.url", GATEWAY.stubUrl("/consent-svc"));
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        if (token == null) {
            token = TestTokens.devToken(GATEWAY.port(), "slt");
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + GATEWAY.port() + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] body(int size) {
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes without a declared length: Java's client then sends them chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private void assertRefused(HttpResponse<String> answer, long limit) {
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertTrue(answer.body().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer.body());
        assertTrue(answer.body().contains("\"field\":\"\""), answer.body());
        assertTrue(answer.body().contains("at most " + limit + " bytes"), answer.body());
    }

    @Test
    void aBodyOverTheDefaultLimitIsRefusedBeforeTheServiceIsCalled() throws Exception {
        assertEquals(200, post("/api/v1/accounts/acc-1/notes", HttpRequest.BodyPublishers.ofByteArray(body(1024)))
                .statusCode());
        int received = EchoController.RECEIVED.get();
        assertRefused(post("/api/v1/accounts/acc-1/notes", HttpRequest.BodyPublishers.ofByteArray(body(1025))), 1024);
        assertRefused(post("/api/v1/incidents", HttpRequest.BodyPublishers.ofByteArray(body(5000))), 1024);
        assertEquals(received, EchoController.RECEIVED.get(), "no service was called");
    }

    @Test
    void anOperationThatStatesItsOwnLimitGetsIt() throws Exception {
        HttpResponse<String> fits = post("/api/v1/accounts/acc-1/evidence", HttpRequest.BodyPublishers.ofByteArray(body(4096)));
        assertEquals(200, fits.statusCode(), fits.body());
        int received = EchoController.RECEIVED.get();
        assertRefused(post("/api/v1/accounts/acc-1/evidence", HttpRequest.BodyPublishers.ofByteArray(body(4097))), 4096);
        assertEquals(received, EchoController.RECEIVED.get(), "no service was called");
    }

    @Test
    void aChunkedBodyIsMeasuredBeforeItIsForwarded() throws Exception {
        HttpResponse<String> fits = post("/api/v1/accounts/acc-1/notes", chunked(body(1000)));
        assertEquals(200, fits.statusCode(), fits.body());
        assertTrue(fits.body().contains("\"body\":\"{\\\"text\\\":\\\"aaa"), fits.body());
        int received = EchoController.RECEIVED.get();
        assertRefused(post("/api/v1/accounts/acc-1/notes", chunked(body(3000))), 1024);
        assertEquals(received, EchoController.RECEIVED.get(), "no service was called");
    }

    @Test
    void aBodyOverTenMebibytesIsRefusedAtOnceNotAfterATimeout() throws Exception {
        long start = System.nanoTime();
        int received = EchoController.RECEIVED.get();
        HttpResponse<String> declared = post("/api/v1/accounts/acc-1/notes",
                HttpRequest.BodyPublishers.ofByteArray(body(11 * 1024 * 1024)));
        assertRefused(declared, 1024);
        assertRefused(post("/api/v1/accounts/acc-1/notes", chunked(body(11 * 1024 * 1024))), 1024);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 8, "answered at once");
        assertEquals(received, EchoController.RECEIVED.get(), "no service was called");
    }
}
