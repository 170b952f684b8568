package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.platform.identity.Actor;

/**
 * The NDJSON export of a chain range (AUD-2): read and written a chunk at a time as the client
 * takes it, so memory stays constant for any size. The last line is the manifest: what was asked,
 * counts, the chain hash before the range, the SHA-256 of every line before the manifest, a signed
 * checkpoint of the chain at the range's end, and a signature of the manifest itself
 * ({@link AuditChain#exportMessage}), so that the file can be verified offline.
 */
@Singleton
public class AuditExport {

    static final int CHUNK = 500;

    private final DataSource dataSource;
    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    AuditExport(DataSource dataSource, AuditLog log, Checkpoints checkpoints, CheckpointSigner signer, Clock clock) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.log = log;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.clock = clock;
    }

    public Publisher<byte[]> stream(AuditQuery query, long fromSeq, long toSeq, Actor actor) {
        return Flux.<byte[], State>generate(() -> new State(fromSeq - 1), (state, sink) -> {
            if (state.done) {
                sink.complete();
                return state;
            }
            ExportChunk chunk = state.after >= toSeq ? null : exportChunk(query, state.after, toSeq);
            if (chunk == null || chunk.isEmpty()) {
                state.done = true;
                sink.next(manifest(query, fromSeq, state, actor));
                return state;
            }
            state.after = chunk.lastSeq();
            state.full += chunk.full();
            state.redacted += chunk.redacted();
            state.lastHash = chunk.lastChainHash();
            state.digest.update(chunk.lines());
            sink.next(chunk.lines());
            return state;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private byte[] manifest(AuditQuery query, long fromSeq, State state, Actor actor) {
        byte[] previous = log.chainHashAt(fromSeq - 1);
        byte[] last = state.lastHash != null ? state.lastHash : previous;
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", "school-social/audit-export/v1");
        manifest.put("service", log.service());
        manifest.put("schoolId", query.schoolId());
        manifest.put("exportedBy", actor.id());
        manifest.put("exportedAt", clock.instant().toString());
        manifest.put("fromSeq", fromSeq);
        manifest.put("toSeq", state.after);
        manifest.put("events", state.full);
        manifest.put("redacted", state.redacted);
        ObjectNode filters = manifest.putObject("filters");
        filters.put("aggregateId", query.aggregateId());
        filters.put("type", query.eventType());
        filters.put("from", query.from() == null ? null : query.from().toString());
        filters.put("to", query.to() == null ? null : query.to().toString());
        manifest.put("previousChainHash", previous == null ? null : AuditChain.hex(previous));
        manifest.put("lastChainHash", last == null ? null : AuditChain.hex(last));
        String linesSha256 = AuditChain.hex(state.digest.digest());
        manifest.put("linesSha256", linesSha256);
        if (last != null) {
            manifest.set("checkpoint", json.valueToTree(checkpoints.issueAt(state.after, last)));
            manifest.put("keyId", signer.keyId());
            manifest.put("signature", signer.sign(AuditChain.exportMessage(log.service(), query.schoolId(), fromSeq,
                    state.after, state.full, state.redacted, linesSha256, AuditChain.hex(last))));
        }
        ObjectNode line = json.createObjectNode();
        line.set("manifest", manifest);
        try {
            byte[] bytes = json.writeValueAsBytes(line);
            byte[] withNewline = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
            withNewline[bytes.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One chunk of an export: the NDJSON lines of the chain positions after {@code afterSeq} up to
     * {@code toSeq}, at most {@link #CHUNK}. Events of the query come whole, with their stored bytes;
     * every other position (another school's, or filtered out) only as its hashes, so that the
     * chain can still be checked without seeing them.
     */
    ExportChunk exportChunk(AuditQuery query, long afterSeq, long toSeq) {
        String sql = "SELECT c.chain_seq, c.entry_hash, c.chain_hash, c.school_id, c.event_type, c.global_index,"
                + " c.aggregate_identifier, c.occurred_at, " + EventChainWriter.STORED_COLUMNS
                + " FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index"
                + " WHERE c.chain_seq > ? AND c.chain_seq <= ? ORDER BY c.chain_seq LIMIT " + CHUNK;
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK * 600);
        long last = afterSeq;
        int full = 0;
        int redacted = 0;
        byte[] lastHash = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(sql)) {
            read.setLong(1, afterSeq);
            read.setLong(2, toSeq);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    last = rows.getLong(1);
                    lastHash = rows.getBytes(3);
                    ObjectNode line = json.createObjectNode();
                    line.put("seq", last);
                    line.put("globalIndex", rows.getLong(6));
                    line.put("entryHash", AuditChain.hex(rows.getBytes(2)));
                    line.put("chainHash", AuditChain.hex(lastHash));
                    boolean present = rows.getString(10) != null;
                    // A reseal attestation comes whole to every school: it holds ids and hashes only, and
                    // without it an offline verifier could not accept the rewrites it names (decision 9).
                    boolean wanted = query.matches(rows.getString(4), rows.getString(7), rows.getString(5),
                            rows.getTimestamp(8).toInstant())
                            || ResealAttestations.EVENT_TYPE.equals(rows.getString(5));
                    if (present && wanted) {
                        AuditChain.StoredEvent stored = StoredEvents.read(rows, 9);
                        line.put("eventId", stored.eventIdentifier());
                        line.put("aggregateType", stored.aggregateType());
                        line.put("aggregateId", stored.aggregateIdentifier());
                        line.put("sequenceNumber", stored.sequenceNumber());
                        line.put("payloadType", stored.payloadType());
                        line.put("payloadRevision", stored.payloadRevision());
                        line.put("timestamp", stored.timestamp());
                        line.put("payload", Base64.getEncoder().encodeToString(stored.payload()));
                        line.put("metaData", stored.metaData() == null ? null
                                : Base64.getEncoder().encodeToString(stored.metaData()));
                        full++;
                    } else {
                        line.put("redacted", true);
                        if (!present) {
                            line.put("missing", true);
                        }
                        redacted++;
                    }
                    out.write(json.writeValueAsBytes(line));
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export the audit trail", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportChunk(out.toByteArray(), last, full, redacted, lastHash);
    }

    /** A piece of an export, and where the next one starts. */
    record ExportChunk(byte[] lines, long lastSeq, int full, int redacted, byte[] lastChainHash) {
        public boolean isEmpty() {
            return lines.length == 0;
        }
    }

    private static final class State {
        long after;
        long full;
        long redacted;
        byte[] lastHash;
        boolean done;
        final MessageDigest digest;

        State(long after) {
            this.after = after;
            this.digest = AuditChain.sha256();
        }
    }
}
