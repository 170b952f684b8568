package uk.schoolsocial.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.platform.axon.DeliveredEvents;
import uk.schoolsocial.platform.axon.ReminderAggregate;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * AUD-3 against the real database: appends are chained in their own transaction, and a
 * verification names the first stored row that was edited, deleted, reordered or written around
 * the service, or a chain rewritten to hide it from anyone without a checkpoint.
 */
class AuditChainTest {

    private ApplicationContext context;
    private String schema;
    private Map<String, Object> database;

    @BeforeEach
    void start() {
        database = TestDatabase.newSchema("chain");
        schema = PlatformAxonContext.schemaOf(database);
        context = ApplicationContext.run(PlatformAxonContext.properties(database));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private List<String> publish(int count, String school) {
        EventStore events = context.getBean(EventStore.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GenericEventMessage<?> event = (GenericEventMessage<?>) GenericEventMessage.asEventMessage(
                    new DeliveredEvents.Ping("ping " + i)).andMetaData(PlatformAxonContext.audit(school));
            events.publish(event);
            ids.add(event.getIdentifier());
        }
        return ids;
    }

    private Verification verify(Checkpoint trusted) {
        return context.getBean(ChainVerifier.class).verify(trusted);
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = TestDatabase.connect(schema)) {
            connection.createStatement().executeUpdate(statement);
        }
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

    @Test
    @DisplayName("AUD-3: every append is chained in order, the chain verifies, and a checkpoint is signed by the service key")
    void appendsAreChained() throws Exception {
        publish(5, "school-a");
        context.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                new ReminderAggregate.ScheduleReminderCommand(UUID.randomUUID().toString(), 600_000))
                .andMetaData(PlatformAxonContext.audit("school-a")));

        Verification verification = verify(null);

        assertTrue(verification.intact(), verification.toString());
        assertEquals(6, verification.checkedEvents());
        Checkpoint checkpoint = verification.checkpoint();
        assertEquals(6, checkpoint.size());
        assertTrue(checkpoint.signedBy(context.getBean(Checkpoints.class).publicKey()));
        try (Connection connection = TestDatabase.connect(schema);
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT COUNT(*), MIN(chain_seq), MAX(chain_seq) FROM event_chain")) {
            row.next();
            assertEquals(List.of(6L, 1L, 6L), List.of(row.getLong(1), row.getLong(2), row.getLong(3)));
        }
    }

    @Test
    @DisplayName("AUD-3: editing a stored payload is named as ALTERED at that event")
    void anEditIsDetected() throws Exception {
        List<String> ids = publish(4, "school-a");
        sql("UPDATE domain_event_entry SET payload = REPLACE(payload, 'ping 2', 'pong 2') WHERE event_identifier = '"
                + ids.get(2) + "'");

        Verification verification = verify(null);

        assertFalse(verification.intact());
        assertEquals(Verification.Problem.ALTERED, verification.firstBreak().problem());
        assertEquals(ids.get(2), verification.firstBreak().eventId());
        assertEquals(3L, verification.firstBreak().seq());
        assertNull(verification.checkpoint(), "no checkpoint for a broken log");
    }

    @Test
    @DisplayName("AUD-3: editing only the metadata (who did it) is detected too")
    void aMetadataEditIsDetected() throws Exception {
        List<String> ids = publish(3, "school-a");
        sql("UPDATE domain_event_entry SET meta_data = REPLACE(meta_data, 'tester', 'someone') WHERE event_identifier = '"
                + ids.get(0) + "'");

        Verification verification = verify(null);

        assertEquals(Verification.Problem.ALTERED, verification.firstBreak().problem());
        assertEquals(ids.get(0), verification.firstBreak().eventId());
    }

    @Test
    @DisplayName("AUD-3: deleting a stored event is named as DELETED")
    void aDeletionIsDetected() throws Exception {
        List<String> ids = publish(4, "school-a");
        sql("DELETE FROM domain_event_entry WHERE event_identifier = '" + ids.get(1) + "'");

        Verification verification = verify(null);

        assertEquals(Verification.Problem.DELETED, verification.firstBreak().problem());
        assertEquals(ids.get(1), verification.firstBreak().eventId());
    }

    @Test
    @DisplayName("AUD-3: swapping the places of two stored events is named as REORDERED")
    void aReorderIsDetected() throws Exception {
        List<String> ids = publish(4, "school-a");
        long first = globalIndexOf(ids.get(1));
        long second = globalIndexOf(ids.get(2));
        sql("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = " + first);
        sql("UPDATE domain_event_entry SET global_index = " + first + " WHERE global_index = " + second);
        sql("UPDATE domain_event_entry SET global_index = " + second + " WHERE global_index = -1");

        Verification verification = verify(null);

        assertEquals(Verification.Problem.REORDERED, verification.firstBreak().problem());
        assertEquals(first, verification.firstBreak().globalIndex());
    }

    @Test
    @DisplayName("AUD-3: a row inserted around the service is named as UNCHAINED")
    void anInsertIsDetected() throws Exception {
        publish(2, "school-a");
        sql("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_type, time_stamp,"
                + " aggregate_identifier, sequence_number) VALUES ('forged', '{}', '{}', 'Forged',"
                + " '2026-01-01T00:00:00Z', 'forged', 0)");

        Verification verification = verify(null);

        assertEquals(Verification.Problem.UNCHAINED, verification.firstBreak().problem());
        assertEquals("forged", verification.firstBreak().eventId());
    }

    @Test
    @DisplayName("AUD-3: a break after the kept checkpoint still says the checkpoint matched")
    void aBreakAfterTheCheckpointKeepsItMatched() throws Exception {
        publish(2, "school-a");
        Checkpoint kept = verify(null).checkpoint();
        publish(1, "school-a");
        sql("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_type, time_stamp,"
                + " aggregate_identifier, sequence_number) VALUES ('forged', '{}', '{}', 'Forged',"
                + " '2026-01-01T00:00:00Z', 'forged', 0)");

        Verification verification = verify(kept);

        assertEquals(Verification.Problem.UNCHAINED, verification.firstBreak().problem());
        assertEquals(Boolean.TRUE, verification.checkpointMatched());
    }

    @Test
    @DisplayName("AUD-3: an edit hidden by rewriting the whole chain still fails against the auditor's checkpoint")
    void aRewrittenChainFailsAgainstACheckpoint() throws Exception {
        List<String> ids = publish(4, "school-a");
        Checkpoint kept = verify(null).checkpoint();
        publish(2, "school-a");
        sql("UPDATE domain_event_entry SET payload = REPLACE(payload, 'ping 1', 'pong 1') WHERE event_identifier = '"
                + ids.get(1) + "'");
        rewriteChain();
        assertTrue(verify(null).intact(), "the rewrite fools a verification without a checkpoint");

        Verification verification = verify(kept);

        assertFalse(verification.intact());
        assertEquals(Verification.Problem.CHECKPOINT_MISMATCH, verification.firstBreak().problem());
        assertEquals(Boolean.FALSE, verification.checkpointMatched());
    }

    @Test
    @DisplayName("AUD-3: a log that holds its checkpoint verifies against it; a forged checkpoint is refused")
    void aCheckpointIsAPrefix() {
        publish(3, "school-a");
        Checkpoint kept = verify(null).checkpoint();
        publish(3, "school-b");

        Verification later = verify(kept);
        assertTrue(later.intact());
        assertEquals(Boolean.TRUE, later.checkpointMatched());
        assertEquals(6, later.checkpoint().size());

        Checkpoint forged = new Checkpoint(kept.service(), kept.size(), kept.globalIndex(),
                AuditChain.hex(new byte[32]), kept.issuedAt(), kept.keyId(), kept.signature());
        assertEquals(Verification.Problem.CHECKPOINT_SIGNATURE_INVALID, verify(forged).firstBreak().problem());
    }

    @Test
    @DisplayName("AUD-3: truncating the log below a checkpoint is named as TRUNCATED")
    void aTruncationIsDetected() throws Exception {
        List<String> ids = publish(3, "school-a");
        Checkpoint kept = verify(null).checkpoint();
        sql("DELETE FROM event_chain WHERE event_identifier = '" + ids.get(2) + "'");
        sql("DELETE FROM domain_event_entry WHERE event_identifier = '" + ids.get(2) + "'");
        sql("UPDATE event_chain_head SET chain_seq = 2, chain_hash = (SELECT chain_hash FROM event_chain WHERE chain_seq = 2)");

        assertTrue(verify(null).intact(), "without a checkpoint a clean cut of the end is invisible");
        Verification verification = verify(kept);
        assertEquals(Verification.Problem.TRUNCATED, verification.firstBreak().problem());
    }

    @Test
    @DisplayName("AUD-3: the events stored before the chain existed are chained once, at start")
    void existingEventsAreAdopted() throws Exception {
        publish(3, "school-a");
        context.close();
        sql("DELETE FROM event_chain");
        sql("UPDATE event_chain_head SET chain_seq = 0, chain_hash = REPEAT(CHAR(0), 32)");
        context = ApplicationContext.run(PlatformAxonContext.properties(database));
        publish(1, "school-a");

        Verification verification = verify(null);
        assertTrue(verification.intact(), verification.toString());
        assertEquals(4, verification.checkedEvents());
        assertNotNull(verification.chainHash());
    }

    /** What an attacker with write access would do: recompute every hash so the chain is consistent. */
    private void rewriteChain() throws Exception {
        try (Connection connection = TestDatabase.connect(schema)) {
            byte[] chain = AuditChain.GENESIS;
            long seq = 0;
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT c.chain_seq, "
                    + EventChainWriter.STORED_COLUMNS + " FROM event_chain c JOIN domain_event_entry e"
                    + " ON e.global_index = c.global_index ORDER BY c.chain_seq");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE event_chain SET entry_hash = ?, chain_hash = ? WHERE chain_seq = ?")) {
                while (rows.next()) {
                    seq = rows.getLong(1);
                    byte[] entry = AuditChain.entryHash(StoredEvents.read(rows, 2));
                    chain = AuditChain.link(chain, entry);
                    update.setBytes(1, entry);
                    update.setBytes(2, chain);
                    update.setLong(3, seq);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE event_chain_head SET chain_seq = ?, chain_hash = ? WHERE id = 1")) {
                head.setLong(1, seq);
                head.setBytes(2, chain);
                head.executeUpdate();
            }
        }
    }
}
