package uk.schoolsocial.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 14: a request the gateway forwards (with its W3C {@code traceparent}) is one trace in the
 * service: the server span is the gateway span's child and carries the correlation id and school;
 * the command's dispatch and handling and the events' handling by a streaming processor, on its
 * own thread and transaction, are in the same trace. A handler's log lines carry the request's
 * correlation id, as the request's do.
 */
class TracingTest {

    private static final String SLT = TestTokens.bearer("slt-1", TestTokens.SCHOOL, "SLT");
    /** What the gateway's span would send on. */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String GATEWAY_SPAN_ID = "00f067aa0ba902b7";

    private EmbeddedServer server;
    private InMemorySpanExporter spans;

    @BeforeEach
    void start() {
        Map<String, Object> properties = PlatformAxonContext.notesProperties(TestDatabase.newSchema("tracing"));
        properties.put("smp.test.tracing", "true");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        spans = server.getApplicationContext().getBean(InMemorySpanExporter.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("A forwarded request, its command and the events' handling by a processor are one trace under the gateway's span")
    void oneTraceFromTheGatewaysSpanToTheEventHandler() {
        String correlationId = "corr-" + UUID.randomUUID();
        given().port(server.getPort()).header("Authorization", SLT)
                .header("traceparent", "00-" + TRACE_ID + "-" + GATEWAY_SPAN_ID + "-01")
                .header("X-Correlation-Id", correlationId)
                .contentType(ContentType.JSON).body(Map.of("id", "note-" + UUID.randomUUID(), "text", "traced"))
                .post("/test/notes").then().statusCode(200);

        // Processors handle the note's event: the projection and the saga at least (every service's
        // webhooks processor too).
        await().atMost(Duration.ofSeconds(20)).until(() -> inTrace().stream()
                .filter(span -> span.getName().startsWith("StreamingEventProcessor.process(NoteWrittenEvent)")).count() >= 2
                && inTrace().stream().anyMatch(span -> span.getName().startsWith("SagaManager.invokeSaga(NoteSaga)")));
        List<SpanData> trace = inTrace();
        String names = trace.stream().map(SpanData::getName).collect(Collectors.joining("\n"));

        SpanData server = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                .orElseThrow(() -> new AssertionError("no server span in the trace:\n" + names));
        assertEquals(GATEWAY_SPAN_ID, server.getParentSpanId(), "the server span is not the gateway span's child");
        assertEquals(correlationId, server.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("smp.correlation_id")));
        assertEquals(TestTokens.SCHOOL, server.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("smp.school")));
        assertTrue(trace.stream().anyMatch(span -> span.getName().contains("WriteNoteCommand")),
                "no span of the command:\n" + names);
        SpanData published = trace.stream().filter(span -> span.getName().equals("EventBus.publishEvent(NoteWrittenEvent)"))
                .findFirst().orElseThrow(() -> new AssertionError("no span of the event's publication:\n" + names));
        assertTrue(trace.stream().filter(span -> span.getName().startsWith("StreamingEventProcessor.process"))
                        .allMatch(span -> span.getParentSpanId().equals(published.getSpanId())),
                "a processor's span is not the publication's child:\n" + names);
        assertTrue(trace.stream().anyMatch(span -> span.getName().startsWith("SagaManager.invokeSaga(NoteSaga)")),
                "no span of the saga's handler:\n" + names);
    }

    @Test
    @DisplayName("A processor's log line carries the correlation id of the request whose event it handles")
    void aHandlersLogLineCarriesTheRequestsCorrelationId() {
        String correlationId = "corr-" + UUID.randomUUID();
        String note = "note-" + UUID.randomUUID();
        try (LogCapture log = LogCapture.start()) {
            given().port(server.getPort()).header("Authorization", SLT).header("X-Correlation-Id", correlationId)
                    .contentType(ContentType.JSON).body(Map.of("id", note, "text", "logged"))
                    .post("/test/notes").then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> !log.contextsOf("projecting note " + note).isEmpty());
            Map<String, String> context = log.contextsOf("projecting note " + note).get(0);
            assertEquals(correlationId, context.get("correlationId"), "the handler's line: " + context);
            assertEquals(TestTokens.SCHOOL, context.get("school"), "the handler's line: " + context);
        }
    }

    private List<SpanData> inTrace() {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(TRACE_ID)).toList();
    }
}
