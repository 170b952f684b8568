package uk.schoolsocial.platform.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.axon.DeliveredEvents;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * "No skipped events" (ARCHITECTURE 4, AxonFramework issue 4829): a transaction held open past
 * the gap timeout while a later event commits and is read. Through the service, later appends wait
 * for it, so nothing is skipped; written around the service, the event is skipped and the delivery
 * check says so.
 */
class EventDeliveryTest {

    private static final int GAP_TIMEOUT_MILLIS = 1_000;

    private ApplicationContext context;
    private String schema;

    @BeforeEach
    void start() {
        Map<String, Object> database = TestDatabase.newSchema("delivery");
        schema = PlatformAxonContext.schemaOf(database);
        Map<String, Object> properties = PlatformAxonContext.properties(database);
        properties.put("smp.axon.gap-timeout-millis", String.valueOf(GAP_TIMEOUT_MILLIS));
        context = ApplicationContext.run(properties);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private EventMessage<?> ping(String text) {
        return GenericEventMessage.asEventMessage(new DeliveredEvents.Ping(text))
                .andMetaData(PlatformAxonContext.audit("school-a"));
    }

    private EventProcessor processor() {
        return context.getBean(Configuration.class).eventProcessingConfiguration()
                .eventProcessor(DeliveredEvents.PROCESSOR).orElseThrow();
    }

    private DeliveredEvents delivered() {
        return context.getBean(DeliveredEvents.class);
    }

    @Test
    @DisplayName("An append held open past the gap timeout is not skipped: the next append waits for it")
    void aSlowAppendThroughTheServiceIsNeverSkipped() throws Exception {
        EventStore events = context.getBean(EventStore.class);
        TransactionManager transactions = context.getBean(Configuration.class).getComponent(TransactionManager.class);
        EventMessage<?> slow = ping("slow");
        EventMessage<?> quick = ping("quick");
        processor().shutDown();

        CompletableFuture<Void> slowAppend = CompletableFuture.runAsync(() -> {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            unit.attachTransaction(transactions);
            events.publish(slow);
            // Runs after the event store's own prepare-commit step: the row is written, not committed.
            unit.onPrepareCommit(u -> sleep(3 * GAP_TIMEOUT_MILLIS));
            unit.commit();
        });
        Thread.sleep(500);
        Instant before = Instant.now();
        CompletableFuture<Void> quickAppend = CompletableFuture.runAsync(() -> events.publish(quick));
        // Read the event store as 4829 needs: after the gap timeout, with the slow transaction still open.
        Thread.sleep(2L * GAP_TIMEOUT_MILLIS);
        processor().start();
        slowAppend.get(20, TimeUnit.SECONDS);
        quickAppend.get(20, TimeUnit.SECONDS);

        assertTrue(Duration.between(before, Instant.now()).toMillis() >= 2L * GAP_TIMEOUT_MILLIS,
                "the quick append did not wait for the slow one");
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered().ids().contains(quick.getIdentifier()));
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().ids().contains(slow.getIdentifier()));
        assertTrue(globalIndexOf(slow.getIdentifier()) < globalIndexOf(quick.getIdentifier()),
                "global index order is commit order");
        EventDeliveryCheck.Report report = context.getBean(EventDeliveryCheck.class).run();
        assertTrue(report.healthy(), report.toString());
    }

    @Test
    @DisplayName("An event written around the service and committed past the gap timeout is skipped, and the check names it")
    void anEventWrittenAroundTheServiceIsSkippedAndReported() throws Exception {
        EventStore events = context.getBean(EventStore.class);
        processor().shutDown();
        try (Connection raw = TestDatabase.connect(schema)) {
            raw.setAutoCommit(false);
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                    + " meta_data, payload, payload_type, time_stamp, aggregate_identifier, sequence_number)"
                    + " VALUES ('late', '{}', ?, ?, ?, 'late', 0)")) {
                insert.setBytes(1, "{\"text\":\"late\"}".getBytes());
                insert.setString(2, DeliveredEvents.Ping.class.getName());
                insert.setString(3, Instant.now().toString());
                insert.executeUpdate();
            }
            EventMessage<?> after = ping("after");
            events.publish(after);
            Thread.sleep(2L * GAP_TIMEOUT_MILLIS);
            processor().start();
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered().ids().contains(after.getIdentifier()));
            raw.commit();
        }
        EventMessage<?> later = ping("later");
        events.publish(later);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered().ids().contains(later.getIdentifier()));

        assertFalse(delivered().ids().contains("late"), "Axon delivered it: the test did not create a skip");
        EventDeliveryCheck.Report report = context.getBean(EventDeliveryCheck.class).run();
        assertFalse(report.healthy());
        assertEquals(1, report.skipped().size(), report.toString());
        assertEquals("late", report.skipped().get(0).eventId());
        assertEquals(Verification.Problem.UNCHAINED,
                context.getBean(ChainVerifier.class).verify(null).firstBreak().problem());
    }

    private long globalIndexOf(String eventId) throws Exception {
        try (Connection connection = TestDatabase.connect(schema);
             PreparedStatement read = connection.prepareStatement(
                     "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")) {
            read.setString(1, eventId);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
