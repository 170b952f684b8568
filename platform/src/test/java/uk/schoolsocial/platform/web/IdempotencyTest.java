package uk.schoolsocial.platform.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * {@code Idempotency-Key} over real HTTP and the real database (issue 11, decision 8): one key runs
 * its command once whatever the timing, a request still running is 409 with {@code Retry-After},
 * and no failure leaves the key blocked or answers 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest {

    private static final String PATH = "/api/v1/test-notes";
    private static final String STAFF = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF");

    private EmbeddedServer server;
    private NoteGate gate;
    private String schema;

    @BeforeAll
    void start() {
        Map<String, Object> database = TestDatabase.newSchema("idempotency");
        schema = PlatformAxonContext.schemaOf(database);
        server = ApplicationContext.run(EmbeddedServer.class, PlatformAxonContext.properties(database));
        gate = server.getApplicationContext().getBean(NoteGate.class);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnceAndTheOthersAreToldItIsInProgress() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "concurrent " + key;
        gate.holdNext();
        double inProgressBefore = repeats("in_progress");
        double replayedBefore = repeats("replayed");
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            CompletionService<Response> requests = new ExecutorCompletionService<>(threads);
            for (int i = 0; i < 5; i++) {
                requests.submit(() -> post(key, text));
            }
            assertTrue(gate.awaitHeld(), "no request reached the command");
            List<Response> refused = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Future<Response> done = requests.poll(20, TimeUnit.SECONDS);
                assertNotNull(done, "a request with the key waited for the one running");
                refused.add(done.get());
            }
            for (Response response : refused) {
                assertEquals(409, response.statusCode(), response.asString());
                assertEquals("IDEMPOTENCY_KEY_IN_PROGRESS", response.jsonPath().getString("code"));
                assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
                assertNotNull(response.header("Retry-After"), "409 in progress says when to retry");
            }
            gate.open();
            Response first = requests.poll(20, TimeUnit.SECONDS).get();
            assertEquals(201, first.statusCode(), first.asString());

            Response replay = post(key, text);
            assertEquals(201, replay.statusCode(), replay.asString());
            assertEquals("true", replay.header(IdempotencyFilter.REPLAYED_HEADER));
            assertEquals(first.header("Location"), replay.header("Location"));
            assertEquals(first.jsonPath().getString("id"), replay.jsonPath().getString("id"));
            assertEquals(1, notesCreated(text));
            // what /prometheus shows as smp_idempotency_repeats_total (issue 14)
            assertEquals(4, repeats("in_progress") - inProgressBefore);
            assertEquals(1, repeats("replayed") - replayedBefore);
        } finally {
            gate.open();
            threads.shutdownNow();
        }
    }

    private double repeats(String outcome) {
        io.micrometer.core.instrument.Counter counter = server.getApplicationContext()
                .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("smp.idempotency.repeats").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCommandTheDomainRefusesIsAnsweredWithTheSameRefusalAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "refuse " + key;
        Response refused = post(key, text);
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("VALIDATION_FAILED", refused.jsonPath().getString("code"));

        Response again = post(key, text);
        assertEquals(400, again.statusCode(), again.asString());
        assertEquals("true", again.header(IdempotencyFilter.REPLAYED_HEADER));
        assertEquals(refused.asString(), again.asString());
        assertEquals(0, notesCreated(text));
    }

    @Test
    void aCommandThatFailsOnOurSideReleasesTheKeyForTheRetry() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "fault " + key;
        gate.failNext();
        Response failed = post(key, text);
        assertEquals(500, failed.statusCode(), failed.asString());

        Response retry = post(key, text);
        assertEquals(201, retry.statusCode(), retry.asString());
        assertNull(retry.header(IdempotencyFilter.REPLAYED_HEADER), "the retry ran: nothing was answered before");
        assertEquals(1, notesCreated(text));
    }

    @Test
    void aClaimLeftByAProcessThatDiedIsTakenOverOnceItsLeaseHasRunOut() throws Exception {
        String text = "orphan " + UUID.randomUUID();
        String hash = requestHashOf(text);
        long before = notesCreated(text);
        String key = UUID.randomUUID().toString();
        insertRecord(key, hash, "NOW(6) - INTERVAL 1 MINUTE", false);

        Response retry = post(key, text);
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals(before + 1, notesCreated(text));
        assertEquals(retry.jsonPath().getString("id"), post(key, text).jsonPath().getString("id"));
    }

    @Test
    void aClaimStillWithinItsLeaseIsInProgress() throws Exception {
        String text = "leased " + UUID.randomUUID();
        String hash = requestHashOf(text);
        long before = notesCreated(text);
        String key = UUID.randomUUID().toString();
        insertRecord(key, hash, "NOW(6) + INTERVAL 1 MINUTE", false);

        Response retry = post(key, text);
        assertEquals(409, retry.statusCode(), retry.asString());
        assertEquals("IDEMPOTENCY_KEY_IN_PROGRESS", retry.jsonPath().getString("code"));
        assertEquals(IdempotencyFilter.RETRY_AFTER_SECONDS, retry.header("Retry-After"));
        assertEquals(before, notesCreated(text));
    }

    @Test
    void aRequestThatCommittedButWasNeverAnsweredIsNotRunAgain() throws Exception {
        String text = "committed " + UUID.randomUUID();
        String hash = requestHashOf(text);
        long before = notesCreated(text);
        String key = UUID.randomUUID().toString();
        insertRecord(key, hash, "NOW(6) - INTERVAL 1 MINUTE", true);

        Response retry = post(key, text);
        assertEquals(409, retry.statusCode(), retry.asString());
        assertEquals("IDEMPOTENCY_KEY_APPLIED", retry.jsonPath().getString("code"));
        assertTrue(retry.jsonPath().getString("detail").contains("note-of-" + key), retry.asString());
        assertEquals(before, notesCreated(text));
    }

    @Test
    void aLogLineOfARequestCarriesItsCorrelationIdSchoolAndActor() {
        // Issue 14: an on-call engineer finds every line of one request by its correlation id.
        String correlation = "log-" + UUID.randomUUID();
        try (LogCapture log = LogCapture.start()) {
            Response failed = given().port(server.getPort()).header("Authorization", STAFF)
                    .header("X-Correlation-Id", correlation).contentType(ContentType.JSON)
                    .body(Map.of("text", "fail-after-commit " + correlation)).post(PATH);
            assertEquals(500, failed.statusCode(), failed.asString());
            List<Map<String, String>> contexts = log.errorContexts();
            assertFalse(contexts.isEmpty(), "the failure is logged");
            assertEquals(Map.of("correlationId", correlation, "school", TestTokens.SCHOOL, "actor", "staff-1"),
                    contexts.get(0));
        }
    }

    @Test
    void aFailureAfterTheCommitTellsTheRetryThatTheRequestWasApplied() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "fail-after-commit Marchetti " + key;
        Response failed;
        try (LogCapture log = LogCapture.start()) {
            failed = post(key, text);
            // AUD-4: the unexpected failure is logged without the value its message quotes.
            assertTrue(log.lines() > 0);
            assertEquals(List.of(), log.containing(List.of("Marchetti")));
        }
        assertEquals(500, failed.statusCode(), failed.asString());
        assertTrue(failed.contentType().startsWith("application/problem+json"), failed.contentType());
        assertFalse(failed.asString().contains("Marchetti"), failed.asString());
        assertEquals(1, notesCreated(text));

        Response retry = post(key, text);
        assertEquals(409, retry.statusCode(), retry.asString());
        assertEquals("IDEMPOTENCY_KEY_APPLIED", retry.jsonPath().getString("code"));
        assertTrue(retry.jsonPath().getString("detail").contains(noteIdOf(text) + " (now at version 0)"),
                retry.asString());
        assertEquals(1, notesCreated(text));
    }

    @Test
    void anAttemptThatOutlivedItsLeaseCannotCommitOnceARetryHasTakenOver() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "superseded " + key;
        gate.holdNext();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Response> slow = thread.submit(() -> post(key, text));
            assertTrue(gate.awaitHeld(), "the first attempt never reached its command");
            execute("UPDATE idempotency_record SET lease_until = NOW(6) - INTERVAL 1 SECOND WHERE idempotency_key = ?", key);

            Response retry = post(key, text);
            assertEquals(201, retry.statusCode(), retry.asString());
            gate.open();
            Response outlived = slow.get(20, TimeUnit.SECONDS);
            assertEquals(409, outlived.statusCode(), outlived.asString());
            assertEquals("IDEMPOTENCY_KEY_IN_PROGRESS", outlived.jsonPath().getString("code"));
            assertEquals(1, notesCreated(text));

            Response replay = post(key, text);
            assertEquals("true", replay.header(IdempotencyFilter.REPLAYED_HEADER));
            assertEquals(retry.jsonPath().getString("id"), replay.jsonPath().getString("id"));
        } finally {
            gate.open();
            thread.shutdownNow();
        }
    }

    @Test
    void aClientThatHangsUpLeavesTheKeyAnswered() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "hung up " + key;
        String body = "{\"text\":\"" + text + "\"}";
        gate.holdNext();
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.getOutputStream().write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + STAFF
                    + "\r\n" + IdempotencyFilter.HEADER + ": " + key + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            assertTrue(gate.awaitHeld(), "the request never reached its command");
        } finally {
            gate.open();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> notesCreated(text) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> post(key, text).statusCode() != 409);
        Response retry = post(key, text);
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header(IdempotencyFilter.REPLAYED_HEADER));
        assertEquals(1, notesCreated(text));
    }

    @Test
    void aRequestThatSendsSeveralCommandsCommitsEachOfThemOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "pair " + key;
        Response first = post(key, text);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(2, notesCreated(text));

        Response replay = post(key, text);
        assertEquals("true", replay.header(IdempotencyFilter.REPLAYED_HEADER));
        assertEquals(2, notesCreated(text));
    }

    @Test
    void aKeyUsedAgainWithAnotherBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, "first " + key).statusCode());
        Response other = post(key, "second " + key);
        assertEquals(422, other.statusCode(), other.asString());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.jsonPath().getString("code"));
        assertEquals(0, notesCreated("second " + key));
    }

    /**
     * AUD-4 (issue 10): a stored answer is a copy of what the request returned, so a key is kept
     * only {@code smp.idempotency.keep} (24 h); one made earlier is forgotten, a younger one kept.
     */
    @Test
    void aud4_keysAndTheirAnswersAreForgottenAfterTheyAreKept() throws Exception {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        assertEquals(201, post(old, "old " + old).statusCode());
        assertEquals(201, post(young, "young " + young).statusCode());
        execute("UPDATE idempotency_record SET created_at = created_at - INTERVAL 25 HOUR,"
                + " lease_until = lease_until - INTERVAL 25 HOUR WHERE idempotency_key = ?", old);

        server.getApplicationContext().getBean(IdempotencyPurge.class).run();

        assertEquals(0, records(old), "a record older than 24 h is forgotten, its answer with it");
        assertEquals(1, records(young));
        Response replay = post(young, "young " + young);
        assertEquals("true", replay.header(IdempotencyFilter.REPLAYED_HEADER));
    }

    /**
     * AUD-4: a purge that fails is retried at the next interval and shows in /health, DOWN once it
     * has failed for longer than records are kept (here: at once), UP again after a run that works.
     */
    @Test
    void aud4_aFailingPurgeShowsInHealthAndRecovers() throws Exception {
        IdempotencyPurge purge = new IdempotencyPurge(server.getApplicationContext().getBean(IdempotencyStore.class),
                Duration.ZERO, Clock.systemUTC());
        ExecutorService healthExecutor = Executors.newSingleThreadExecutor();
        purge.setExecutorService(healthExecutor);
        execute("RENAME TABLE idempotency_record TO idempotency_record_away");
        try {
            purge.run();
            HealthResult failing =
                    Mono.from(purge.getResult()).block();
            assertEquals(HealthStatus.DOWN, failing.getStatus());
            assertEquals("idempotencyPurge", failing.getName());
            assertNotNull(((Map<?, ?>) failing.getDetails()).get("failingSince"));
        } finally {
            execute("RENAME TABLE idempotency_record_away TO idempotency_record");
        }
        purge.run();
        HealthResult recovered =
                Mono.from(purge.getResult()).block();
        assertEquals(HealthStatus.UP, recovered.getStatus());
        assertNull(((Map<?, ?>) recovered.getDetails()).get("failingSince"));
        assertNotNull(((Map<?, ?>) recovered.getDetails()).get("lastSuccess"));
        healthExecutor.shutdown();
    }

    private long records(String key) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM idempotency_record WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Response post(String key, String text) {
        return given().port(server.getPort()).header("Authorization", STAFF).header(IdempotencyFilter.HEADER, key)
                .contentType(ContentType.JSON).body(Map.of("text", text)).post(PATH);
    }

    /** The stored hash of a request with this text (the hash is of path and body, not of the key). */
    private String requestHashOf(String text) throws Exception {
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, text).statusCode());
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT request_hash FROM idempotency_record WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    /** A record as a process that died left it: claimed, perhaps committed, never answered. */
    private void insertRecord(String key, String hash, String leaseUntil, boolean committed) throws Exception {
        execute("INSERT INTO idempotency_record (school_id, actor_id, idempotency_key, request_hash, claim_id, lease_until,"
                + " committed_at, committed_record, committed_version) VALUES (?, ?, ?, ?, ?, " + leaseUntil + ", "
                + (committed ? "NOW(6), ?, 0)" : "NULL, ?, NULL)"),
                TestTokens.SCHOOL, "staff-1", key, hash, UUID.randomUUID().toString(), committed ? "note-of-" + key : null);
    }

    private void execute(String sql, Object... parameters) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private String noteIdOf(String text) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE payload LIKE ?")) {
            select.setString(1, "%" + text + "%");
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private long notesCreated(String text) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%NoteCreatedEvent' AND payload LIKE ?")) {
            select.setString(1, "%" + text + "%");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
