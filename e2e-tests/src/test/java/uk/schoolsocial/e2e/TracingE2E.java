package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, across processes: the launched suite exports its spans over OTLP/HTTP to a collector
 * (a plain HTTP receiver here). A request sent with a W3C {@code traceparent} yields, in that one
 * trace, spans of the gateway, of incident-service, of its command and of the event processors
 * that handled the incident's events. Protobuf keeps ids as raw bytes and names as UTF-8, so the
 * exports are searched for the trace id's bytes and the names without decoding them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.startedByTheClass();

    /** Each OTLP export the collector received: the spans of one process. */
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeAll
    void startSuite() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        SUITE.closeAfterwards(() -> collector.stop(0));
        SUITE.start("tracing", 19080, "-Dotel.traces.exporter=otlp",
                "-Dotel.exporter.otlp.protocol=http/protobuf",
                "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + collector.getAddress().getPort(),
                "-Dotel.bsp.schedule.delay=200");
    }

    @Test
    @DisplayName("A report through the gateway is one trace: gateway, incident-service, its command and the processors that handled its events")
    void oneTraceAcrossGatewayServiceAndEventHandlers() {
        byte[] traceId = new byte[16];
        ThreadLocalRandom.current().nextBytes(traceId);
        traceId[0] = 0x11;
        String traceparent = "00-" + HexFormat.of().formatHex(traceId) + "-00f067aa0ba902b7-01";

        SUITE.as("staff")
                .header("traceparent", traceparent)
                .body(Map.of("category", "DEFAMATORY_OR_OFFENSIVE_CONTENT",
                        "whatHappened", "A parent posted that a named teacher lies.",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Facebook", "location", "https://facebook.com/localnews/posts/7",
                        "officialAccountInvolved", false,
                        "peopleInvolved", List.of(Map.of("role", "PARENT"))))
                .post("/api/v1/incidents").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> inTrace = exports.stream().filter(export -> contains(export, traceId))
                    .map(export -> new String(export, StandardCharsets.ISO_8859_1)).toList();
            assertTrue(inTrace.stream().anyMatch(export -> export.contains("gateway")), "no span of the gateway");
            assertTrue(inTrace.stream().anyMatch(export -> export.contains("incident-service")),
                    "no span of incident-service");
            assertTrue(inTrace.stream().anyMatch(export -> export.contains("CommandBus.handleCommand(")),
                    "no span of the command");
            assertTrue(inTrace.stream().anyMatch(export -> export.contains("StreamingEventProcessor.process(")),
                    "no span of an event processor");
        });
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
