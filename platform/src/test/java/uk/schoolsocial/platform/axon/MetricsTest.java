package uk.schoolsocial.platform.axon;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 14: every service's {@code /prometheus}, scraped without a token as the operator's scraper
 * does, shows HTTP timings by route and status, the pool and the JVM, which build it runs, Axon's
 * command metrics per command type, and each processor's lag and parked events moving with the
 * commands, against the real database. Nothing else of the management endpoints is served.
 */
class MetricsTest {

    private static final String SLT = TestTokens.bearer("slt-1", TestTokens.SCHOOL, "SLT");

    private EmbeddedServer server;

    @BeforeEach
    void start() {
        NoteSaga.failing = text -> false;
        NoteSaga.SEEN.clear();
        Map<String, Object> properties = PlatformAxonContext.notesProperties(TestDatabase.newSchema("metrics"));
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterEach
    void stop() {
        NoteSaga.failing = text -> false;
        server.close();
    }

    private String scrape() {
        return given().port(server.getPort()).get("/prometheus").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
    }

    /** The value of the sample of {@code name} carrying every one of {@code labels} ({@code key="value"}); NaN if none. */
    static double sample(String scrape, String name, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    private void writeNote(String id, String text) {
        given().port(server.getPort()).header("Authorization", SLT).contentType(ContentType.JSON)
                .body(Map.of("id", id, "text", text)).post("/test/notes").then().statusCode(200);
    }

    @Test
    @DisplayName("A scrape shows the HTTP timings of a route by status, the pool, the JVM and the build")
    void aScrapeShowsHttpTimingsByRouteAndStatus() {
        writeNote("note-" + UUID.randomUUID(), "timed");
        given().port(server.getPort()).header("Authorization", SLT).contentType(ContentType.JSON)
                .body(Map.of("id", "x")).post("/test/notes/nowhere").then().statusCode(404);

        String scrape = scrape();
        assertEquals(1.0, sample(scrape, "http_server_requests_seconds_count", "uri=\"/test/notes\"",
                "method=\"POST\"", "status=\"200\""), scrape);
        assertTrue(sample(scrape, "http_server_requests_seconds_bucket", "uri=\"/test/notes\"", "le=\"+Inf\"") >= 1,
                "no latency buckets");
        assertTrue(sample(scrape, "hikaricp_connections_max") > 0, "no pool metrics");
        assertTrue(sample(scrape, "jvm_memory_used_bytes") > 0, "no JVM metrics");
        assertEquals(1.0, sample(scrape, "smp_build_info", "service=\"platformtest\""), "no build info");
        assertFalse(scrape.contains("nowhere"), "a path nobody serves became a label: " + scrape);
    }

    @Test
    @DisplayName("Management endpoints other than /health and /prometheus are not served")
    void onlyHealthAndMetricsAreServed() {
        given().port(server.getPort()).get("/health").then().statusCode(200);
        for (String endpoint : new String[] {"/info", "/refresh", "/routes", "/loggers", "/env", "/beans", "/metrics"}) {
            int status = given().port(server.getPort()).header("Authorization", SLT).get(endpoint).then()
                    .extract().statusCode();
            assertTrue(status == 404 || status == 401 || status == 403, endpoint + " answered " + status);
            assertFalse(status == 200, endpoint + " is served");
        }
        int refresh = given().port(server.getPort()).header("Authorization", SLT).post("/refresh").then()
                .extract().statusCode();
        assertTrue(refresh != 200, "/refresh is served");
    }

    @Test
    @DisplayName("Command metrics count per command type, and a stuck processor's lag grows, then falls to 0 after the fix")
    void commandMetricsAndProcessorLagMoveWithCommands() {
        writeNote("note-" + UUID.randomUUID(), "counted");
        String scrape = scrape();
        assertEquals(1.0, sample(scrape, "commandBus_successCounter_total", "payloadType=\"WriteNoteCommand\""), scrape);
        assertTrue(sample(scrape, "commandBus_successTimer_seconds_count", "payloadType=\"WriteNoteCommand\"") >= 1,
                scrape);
        // The audit chain grew by the note's event, and its append's wait for the head was timed.
        double chained = sample(scrape, "smp_audit_chain_length");
        assertTrue(chained >= 1, scrape);
        assertTrue(sample(scrape, "smp_audit_chain_lock_wait_seconds_count") >= 1, scrape);
        writeNote("note-" + UUID.randomUUID(), "chained");
        assertEquals(chained + 1, sample(scrape(), "smp_audit_chain_length"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sample(scrape(), "axon_processor_lag_events", "processor=\"NoteSagaProcessor\"") == 0);

        // The saga cannot take the next note: its processor stops and retries it, so it falls behind.
        NoteSaga.failing = text -> text.equals("stuck");
        String stuck = "note-" + UUID.randomUUID();
        send(new NoteAggregate.WriteNoteCommand(stuck, "stuck"));
        send(new NoteAggregate.EditNoteCommand(stuck, "behind it"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                sample(scrape(), "axon_processor_lag_events", "processor=\"NoteSagaProcessor\"") >= 2);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                sample(scrape(), "axon_processor_lag_seconds", "processor=\"NoteSagaProcessor\"") >= 1);
        String behind = scrape();
        assertEquals(0.0, sample(behind, "axon_processor_lag_events", "processor=\"" + NoteProjection.GROUP + "\""),
                "the projection, which took the events, is behind: " + behind);
        assertTrue(sample(behind, "commandBus_successCounter_total", "payloadType=\"EditNoteCommand\"") >= 1, behind);

        NoteSaga.failing = text -> false;
        await().atMost(Duration.ofSeconds(90)).until(() ->
                sample(scrape(), "axon_processor_lag_events", "processor=\"NoteSagaProcessor\"") == 0);
        assertEquals(0.0, sample(scrape(), "axon_processor_lag_seconds", "processor=\"NoteSagaProcessor\""));
    }

    @Test
    @DisplayName("A refused command counts as a failure of its type; a parked event counts against its processor")
    void failuresAndParkedEventsAreCounted() {
        NoteProjection notes = server.getApplicationContext().getBean(NoteProjection.class);
        notes.refuse(text -> text.equals("refused"));
        String id = "note-" + UUID.randomUUID();
        send(new NoteAggregate.WriteNoteCommand(id, "refused"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                sample(scrape(), "axon_processor_dead_letters", "processor=\"" + NoteProjection.GROUP + "\"") == 1);

        // Writing the same note again is refused by the aggregate.
        try {
            send(new NoteAggregate.WriteNoteCommand(id, "again"));
        } catch (RuntimeException expected) {
            // the failure is what the metric counts
        }
        String scrape = scrape();
        assertEquals(1.0, sample(scrape, "commandBus_failureCounter_total", "payloadType=\"WriteNoteCommand\""), scrape);
        assertEquals(0.0, sample(scrape, "axon_processor_dead_letters", "processor=\"NoteSagaProcessor\""), scrape);
    }

    private void send(Object command) {
        server.getApplicationContext().getBean(CommandGateway.class).sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(PlatformAxonContext.audit(TestTokens.SCHOOL)));
    }
}
