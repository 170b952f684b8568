package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import uk.schoolsocial.platform.privacy.Sealing;
import uk.schoolsocial.platform.privacy.SubjectKeys;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.AuditMetadata;

/**
 * Reads the service's trail for the replay API (AUD-2): pages in chain order with a cursor that
 * never moves (the chain sequence), and the chain's head; {@link AuditExport} writes the NDJSON export.
 */
@Singleton
public class AuditLog {

    private static final String FROM = " FROM event_chain c JOIN domain_event_entry e ON e.global_index = c.global_index";
    private static final String CHAIN_COLUMNS = "c.chain_seq, c.entry_hash, c.chain_hash, c.school_id, c.event_type, "
            + EventChainWriter.STORED_COLUMNS;

    private final DataSource dataSource;
    private final String service;
    private final ObjectMapper json = new ObjectMapper();

    /** Opens sealed personal fields for the reader while their keys exist (AUD-4). */
    private final Sealing sealing;

    AuditLog(DataSource dataSource, @Value("${smp.service.name}") String service, SubjectKeys keys) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.service = service;
        this.sealing = new Sealing(keys, json);
    }

    public String service() {
        return service;
    }

    /** Up to {@code limit} events after chain position {@code afterSeq}, oldest first. */
    public List<AuditEntry> page(AuditQuery query, long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + CHAIN_COLUMNS + FROM
                + " WHERE c.school_id = ? AND c.chain_seq > ?");
        List<Object> args = new ArrayList<>(List.of(query.schoolId(), afterSeq));
        if (query.aggregateId() != null) {
            sql.append(" AND c.aggregate_identifier = ?");
            args.add(query.aggregateId());
        }
        if (query.eventType() != null) {
            sql.append(" AND c.event_type = ?");
            args.add(query.eventType());
        }
        if (query.from() != null) {
            sql.append(" AND c.occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND c.occurred_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        sql.append(" ORDER BY c.chain_seq LIMIT ?");
        args.add(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                read.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }

    /**
     * A subject access export (AUD-4): the school's events whose stored payload contains any of
     * {@code texts} (the subject's id as a JSON string, its key's name), oldest first, at most
     * {@code max}; sealed fields opened only where {@code disclosure} allows.
     */
    public List<AuditEntry> mentioning(String school, List<String> texts, Sealing.Disclosure disclosure, int max) {
        StringBuilder sql = new StringBuilder("SELECT " + CHAIN_COLUMNS + FROM + " WHERE c.school_id = ? AND (");
        for (int i = 0; i < texts.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("e.payload LIKE ?");
        }
        sql.append(") ORDER BY c.chain_seq LIMIT ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(sql.toString())) {
            read.setString(1, school);
            for (int i = 0; i < texts.size(); i++) {
                String escaped = texts.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                read.setBytes(i + 2, ("%" + escaped + "%").getBytes(StandardCharsets.UTF_8));
            }
            read.setInt(texts.size() + 2, max);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, tree -> sealing.openDisclosing(tree, disclosure)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }

    /** The head of the chain: how many events it holds and its hash. */
    public EventChainWriter.Head head() {
        try (Connection connection = dataSource.getConnection()) {
            return EventChainWriter.head(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the chain head", e);
        }
    }

    /** The chain hash after {@code seq} events (genesis for 0), if the chain is that long. */
    public byte[] chainHashAt(long seq) {
        if (seq == 0) {
            return AuditChain.GENESIS;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT chain_hash FROM event_chain WHERE chain_seq = ?")) {
            read.setLong(1, seq);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the chain", e);
        }
    }

    private AuditEntry entry(ResultSet rows) throws SQLException {
        return entry(rows, sealing::openAll);
    }

    private AuditEntry entry(ResultSet rows, java.util.function.UnaryOperator<JsonNode> opener) throws SQLException {
        AuditChain.StoredEvent stored = StoredEvents.read(rows, 6);
        Map<String, Object> meta = metaData(stored.metaData());
        String roles = string(meta.get(AuditMetadata.ACTOR_ROLES));
        JsonNode payload = payload(stored.payload(), opener);
        return new AuditEntry(rows.getLong(1), stored.globalIndex(), service, stored.eventIdentifier(),
                rows.getString(4), stored.aggregateType(), stored.aggregateIdentifier(), stored.sequenceNumber(),
                rows.getString(5), stored.payloadType(), stored.payloadRevision(), stored.timestamp(),
                string(meta.get(AuditMetadata.ACTOR_ID)),
                roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")),
                string(meta.get(AuditMetadata.CORRELATION_ID)), string(meta.get(AuditMetadata.CAUSATION_ID)),
                Reasons.of(payload, string(meta.get(AuditMetadata.REASON))), payload,
                AuditChain.hex(rows.getBytes(2)), AuditChain.hex(rows.getBytes(3)));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> metaData(byte[] bytes) {
        if (bytes == null) {
            return Map.of();
        }
        try {
            return json.readValue(bytes, Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private JsonNode payload(byte[] bytes, java.util.function.UnaryOperator<JsonNode> opener) {
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (IOException e) {
            // Not JSON (never written by this suite): show it as text rather than hide it.
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
        try {
            return opener.apply(tree.deepCopy());
        } catch (Sealing.SealedFieldTamperedException e) {
            return tree; // shown as stored; a verification names the alteration
        }
    }

    private static String string(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
