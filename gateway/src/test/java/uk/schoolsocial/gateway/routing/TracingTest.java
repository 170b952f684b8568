package uk.schoolsocial.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * Issue 14: a request through the gateway starts a trace (or joins the caller's), the gateway's
 * server span carries the correlation id and school, and the service receives a W3C
 * {@code traceparent} whose parent is the gateway's span of the forwarded call: the service's
 * spans (platform's TracingTest) hang from it, so gateway, service and event handler are one trace.
 * The gateway's own log lines of a request carry its correlation id, school and actor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingTest {

    private static final String TRACING = "test.tracing";

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(ProxyTest.DOWNSTREAM_PROPERTY);

    private InMemorySpanExporter spans;

    @BeforeAll
    void start() {
        EmbeddedServer gateway = GATEWAY.start(Map.of(
                "smp.services.account.url", GATEWAY.stubUrl("/account-svc"),
                "smp.services.incident.url", GATEWAY.stubUrl("/incident-svc"),
                "smp.services.consent.url", "http://127.0.0.1:" + GatewayApi.unusedPort(),
                TRACING, true), "test");
        spans = gateway.getApplicationContext().getBean(InMemorySpanExporter.class);
    }

    @Test
    @DisplayName("The service receives a traceparent under the gateway's span; the gateway's span carries the correlation id")
    void theServiceGetsTheGatewaysTraceContext() {
        String correlationId = "corr-" + UUID.randomUUID();
        String traceparent = GATEWAY.as("slt")
                .header("X-Correlation-Id", correlationId)
                .get("/api/v1/staff").then().statusCode(200).extract().path("traceparent");
        assertNotNull(traceparent, "the service received no traceparent");
        String[] parts = traceparent.split("-");
        String traceId = parts[1];
        String parentId = parts[2];

        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList();
        String names = trace.stream().map(span -> span.getKind() + " " + span.getName()).collect(Collectors.joining("\n"));
        SpanData server = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                .orElseThrow(() -> new AssertionError("no gateway server span in the trace:\n" + names));
        assertEquals(correlationId, server.getAttributes().get(AttributeKey.stringKey("smp.correlation_id")));
        assertEquals("demo-school", server.getAttributes().get(AttributeKey.stringKey("smp.school")));
        assertTrue(trace.stream().anyMatch(span -> span.getSpanId().equals(parentId)),
                "the traceparent's parent is no span of the gateway:\n" + names);
    }

    @Test
    @DisplayName("The gateway's log lines of a request carry its correlation id, school and actor")
    void theGatewaysLogLinesCarryTheRequestsIds() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        String correlationId = "corr-" + UUID.randomUUID();
        try {
            // nobody listens at the consent service's address: the gateway logs the failed call
            GATEWAY.as("slt")
                    .header("X-Correlation-Id", correlationId)
                    .get("/api/v1/pupils").then().statusCode(502);
        } finally {
            root.detachAppender(lines);
        }
        List<Map<String, String>> contexts = lines.list.stream()
                .filter(line -> line.getLoggerName().startsWith("uk.schoolsocial.gateway"))
                .map(ILoggingEvent::getMDCPropertyMap).toList();
        assertTrue(!contexts.isEmpty(), "the gateway logged nothing of the request");
        for (Map<String, String> context : contexts) {
            assertEquals(correlationId, context.get("correlationId"), "a line without the correlation id: " + contexts);
            assertEquals("demo-school", context.get("school"));
            assertEquals("demo-slt", context.get("actor"));
        }
    }

    @Test
    @DisplayName("With OTEL_TRACES_EXPORTER=otlp the gateway sends its spans to the collector over OTLP/HTTP")
    void spansAreExportedOverOtlp() throws Exception {
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer collector = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // protobuf keeps strings as UTF-8 bytes: the ids are readable in the body
            received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (EmbeddedServer exporting = GatewayApi.run(Map.of(
                "smp.services.account.url", GATEWAY.stubUrl("/account-svc"),
                "smp.services.incident.url", GATEWAY.stubUrl("/incident-svc"),
                "smp.services.consent.url", GATEWAY.stubUrl("/consent-svc"),
                "otel.traces.exporter", "otlp",
                "otel.exporter.otlp.protocol", "http/protobuf",
                "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort(),
                "otel.bsp.schedule.delay", "100"), "test")) {
            String correlationId = "corr-" + UUID.randomUUID();
            GatewayApi.as(exporting, "slt")
                    .header("X-Correlation-Id", correlationId).get("/api/v1/staff").then().statusCode(200);
            String export = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && (export == null || !export.contains(correlationId))) {
                export = received.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertNotNull(export, "the collector received nothing");
            assertTrue(export.startsWith("application/x-protobuf"), export.substring(0, Math.min(60, export.length())));
            assertTrue(export.contains(correlationId), "no exported span carries the request's correlation id");
            assertTrue(export.contains("gateway"), "the spans do not name the gateway as their service");
        } finally {
            collector.stop(0);
        }
    }

    @Factory
    @Requires(property = TRACING, value = "true")
    static class InMemorySpans {

        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }

        @Singleton
        SpanProcessor processor(InMemorySpanExporter exporter) {
            return SimpleSpanProcessor.create(exporter);
        }
    }
}
