package uk.schoolsocial.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.AuditMetadata;

/**
 * Extends the hash chain with freshly appended events, inside the appending transaction: reads
 * the rows back as stored, hashes them (AuditChain), and moves the head. The head row is the lock
 * that orders appends.
 */
final class EventChainWriter {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static final String STORED_COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier,"
            + " e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    /** Takes the head (held until the transaction ends) and returns it, so that extending needs no second read. */
    Head lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT chain_seq, chain_hash FROM event_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet head = lock.executeQuery()) {
            if (!head.next()) {
                throw new SQLException("event_chain_head has no row: the platform migration did not run");
            }
            return new Head(head.getLong(1), head.getBytes(2));
        }
    }

    /** Chains the events just appended in this transaction, after {@code head} (what {@link #lock} returned). */
    void extend(Connection connection, List<? extends EventMessage<?>> events, Head head) {
        Map<String, EventMessage<?>> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.getIdentifier(), event));
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT " + STORED_COLUMNS
                + " FROM domain_event_entry e WHERE e.event_identifier IN (" + in + ") ORDER BY e.global_index")) {
            for (int i = 0; i < events.size(); i++) {
                read.setString(i + 1, events.get(i).getIdentifier());
            }
            List<AuditChain.StoredEvent> rows = new ArrayList<>();
            try (ResultSet result = read.executeQuery()) {
                while (result.next()) {
                    rows.add(StoredEvents.read(result));
                }
            }
            if (rows.size() != events.size()) {
                throw new EventStoreException("Appended " + events.size() + " events but read back " + rows.size());
            }
            chain(connection, head, rows, stored -> {
                EventMessage<?> message = byId.get(stored.eventIdentifier());
                Object school = message.getMetaData().get(AuditMetadata.SCHOOL_ID);
                return new Index(school == null ? NO_SCHOOL : school.toString(), message.getTimestamp());
            });
        } catch (SQLException e) {
            throw new EventStoreException("Could not extend the audit hash chain", e);
        }
    }

    /**
     * Chains every event stored before the chain existed, once, when a store is first started
     * with this version: the chain then vouches for them from that moment on (docs/audit.md).
     * Does nothing once the chain has begun.
     */
    long adoptExisting(Connection connection) throws SQLException {
        Head head = lock(connection);
        if (head.seq() > 0) {
            return 0;
        }
        long adopted = 0;
        long after = 0;
        while (true) {
            List<AuditChain.StoredEvent> rows = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement("SELECT " + STORED_COLUMNS
                    + " FROM domain_event_entry e WHERE e.global_index > ? ORDER BY e.global_index LIMIT 1000")) {
                read.setLong(1, after);
                try (ResultSet result = read.executeQuery()) {
                    while (result.next()) {
                        rows.add(StoredEvents.read(result));
                    }
                }
            }
            if (rows.isEmpty()) {
                return adopted;
            }
            head = chain(connection, head, rows, stored -> new Index(schoolOf(stored.metaData()),
                    java.time.Instant.parse(stored.timestamp())));
            adopted += rows.size();
            after = rows.get(rows.size() - 1).globalIndex();
        }
    }

    /** Chains {@code rows} after {@code head}, moves the head, and returns the new one. */
    private Head chain(Connection connection, Head head, List<AuditChain.StoredEvent> rows,
                       java.util.function.Function<AuditChain.StoredEvent, Index> index) throws SQLException {
        long seq = head.seq();
        byte[] chainHash = head.hash();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_chain (chain_seq,"
                + " global_index, event_identifier, entry_hash, chain_hash, school_id, aggregate_type,"
                + " aggregate_identifier, event_type, occurred_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (AuditChain.StoredEvent stored : rows) {
                byte[] entryHash = AuditChain.entryHash(stored);
                chainHash = AuditChain.link(chainHash, entryHash);
                seq++;
                Index of = index.apply(stored);
                insert.setLong(1, seq);
                insert.setLong(2, stored.globalIndex());
                insert.setString(3, stored.eventIdentifier());
                insert.setBytes(4, entryHash);
                insert.setBytes(5, chainHash);
                insert.setString(6, of.schoolId());
                insert.setString(7, stored.aggregateType());
                insert.setString(8, stored.aggregateIdentifier());
                insert.setString(9, StoredEvents.simpleName(stored.payloadType()));
                insert.setTimestamp(10, Timestamp.from(of.occurredAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE event_chain_head SET chain_seq = ?, chain_hash = ? WHERE id = 1")) {
            move.setLong(1, seq);
            move.setBytes(2, chainHash);
            move.executeUpdate();
        }
        return new Head(seq, chainHash);
    }

    /** The school an event without one (never written through a service; AUD-1) is filed under. */
    private static final String NO_SCHOOL = "unknown";

    private static String schoolOf(byte[] metaData) {
        try {
            com.fasterxml.jackson.databind.JsonNode school = JSON.readTree(metaData).get(AuditMetadata.SCHOOL_ID);
            return school == null ? NO_SCHOOL : school.asText();
        } catch (java.io.IOException | RuntimeException e) {
            return NO_SCHOOL;
        }
    }

    private record Index(String schoolId, java.time.Instant occurredAt) {
    }

    static Head head(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT chain_seq, chain_hash FROM event_chain_head WHERE id = 1");
             ResultSet row = read.executeQuery()) {
            row.next();
            return new Head(row.getLong(1), row.getBytes(2));
        }
    }

    record Head(long seq, byte[] hash) {
    }
}
