package uk.schoolsocial.platform.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.ChainWalk;
import uk.schoolsocial.platform.audit.Verification.Break;
import uk.schoolsocial.platform.audit.Verification.Problem;

/**
 * Recomputes the whole chain from the stored rows (AUD-3) and compares it with the stored chain,
 * the head and, when given, a checkpoint the auditor kept. Stops at the first break and names it.
 * Reads in keyset chunks: constant memory on any size of log.
 */
@Singleton
public class ChainVerifier {

    private static final int CHUNK = 2_000;

    private final DataSource dataSource;
    private final Checkpoints checkpoints;

    ChainVerifier(DataSource dataSource, Checkpoints checkpoints) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.checkpoints = checkpoints;
    }

    /** Verifies the log, against {@code trusted} when not null. */
    public Verification verify(Checkpoint trusted) {
        String service = checkpoints.service();
        if (trusted != null && !checkpoints.isOurs(trusted)) {
            return broken(service, 0, Boolean.FALSE, new Break(Problem.CHECKPOINT_SIGNATURE_INVALID, null, null, null,
                    "The checkpoint is not signed by this service's audit key " + checkpoints.keyId()
                            + " or was changed after signing."));
        }
        try (Connection connection = dataSource.getConnection()) {
            ChainWalk walk = new ChainWalk(AuditChain.GENESIS, 0);
            if (trusted != null) {
                walk.against(trusted.size(), trusted.globalIndex(), trusted.chainHash());
            }
            Boolean matched = trusted == null ? null : Boolean.FALSE;
            // Decision 9, point 3: rewrites of plaintext events the service attested, signed, later in the chain.
            Map<Long, ResealAttestations.Attested> attested = ResealAttestations.load(connection, service,
                    checkpoints.publicKey());
            long resealed = 0;
            while (true) {
                int read = 0;
                try (PreparedStatement select = connection.prepareStatement("SELECT c.chain_seq, c.global_index,"
                        + " c.event_identifier, c.entry_hash, c.chain_hash, " + EventChainWriter.STORED_COLUMNS
                        + " FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index"
                        + " WHERE c.chain_seq > ? ORDER BY c.chain_seq LIMIT " + CHUNK)) {
                    select.setLong(1, walk.size());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            read++;
                            long seq = rows.getLong(1);
                            long globalIndex = rows.getLong(2);
                            String eventId = rows.getString(3);
                            long expected = walk.size();
                            if (seq != expected + 1) {
                                return broken(service, expected, matched, new Break(Problem.CHAIN_ENTRY_MISSING,
                                        expected + 1, null, null, "Chain positions " + (expected + 1) + " to "
                                        + (seq - 1) + " are missing."));
                            }
                            if (rows.getString(7) == null) {
                                return broken(service, expected, matched, new Break(Problem.DELETED, seq, globalIndex,
                                        eventId, "Event " + eventId + " (global index " + globalIndex
                                        + ") was chained but its row is gone."));
                            }
                            AuditChain.StoredEvent stored = StoredEvents.read(rows, 6);
                            if (!stored.eventIdentifier().equals(eventId) || globalIndex <= Math.max(0, walk.globalIndex())) {
                                return broken(service, expected, matched, new Break(Problem.REORDERED, seq, globalIndex,
                                        eventId, "Global index " + globalIndex + " holds event "
                                        + stored.eventIdentifier() + " but event " + eventId + " was chained there."));
                            }
                            byte[] entry = rows.getBytes(4);
                            byte[] recomputed = ChainWalk.rewritten(entry, stored);
                            if (recomputed != null) {
                                ResealAttestations.Attested rewrite = attested.get(globalIndex);
                                if (rewrite == null || !rewrite.covers(globalIndex, entry, recomputed)) {
                                    return broken(service, expected, matched, new Break(Problem.ALTERED, seq,
                                            globalIndex, eventId, "The stored bytes of event " + eventId
                                            + " (global index " + globalIndex + ") are not those that were chained"
                                            + (rewrite == null ? "" : ", nor those its reseal attestation names") + "."));
                                }
                                resealed++; // the chain goes on with the hash it was chained with
                            }
                            switch (walk.append(seq, globalIndex, entry, rows.getBytes(5))) {
                                case CHAIN_MISMATCH -> {
                                    return broken(service, expected, matched, new Break(Problem.CHAIN_ALTERED, seq,
                                            globalIndex, eventId, "The stored chain hash at position " + seq
                                            + " does not follow from its predecessor: the chain table was edited."));
                                }
                                case CHECKPOINT_MISMATCH -> {
                                    return broken(service, seq, matched, new Break(Problem.CHECKPOINT_MISMATCH,
                                            seq, globalIndex, eventId, "The first " + seq + " events do not hash to"
                                            + " the checkpoint: at least one of them was altered, removed or added"
                                            + " and the chain rewritten to hide it."));
                                }
                                case CHECKPOINT_MATCHED -> matched = Boolean.TRUE;
                                case LINKED -> { }
                            }
                        }
                    }
                }
                if (read < CHUNK) {
                    break;
                }
            }
            long expected = walk.size();
            if (trusted != null && expected < trusted.size()) {
                return broken(service, expected, matched, new Break(Problem.TRUNCATED, expected + 1, null, null,
                        "The log holds " + expected + " events; the checkpoint covers " + trusted.size() + "."));
            }
            EventChainWriter.Head head = EventChainWriter.head(connection);
            if (head.seq() != expected || !AuditChain.same(head.hash(), walk.chain())) {
                return broken(service, expected, matched, new Break(Problem.HEAD_MISMATCH, head.seq(), null, null,
                        "The chain head says " + head.seq() + " events; the chain holds " + expected + "."));
            }
            Break unchained = unchained(connection);
            if (unchained != null) {
                return broken(service, expected, matched, unchained);
            }
            return new Verification(service, true, expected, AuditChain.hex(walk.chain()), matched, null,
                    checkpoints.issue(expected, Math.max(0, walk.globalIndex()), walk.chain()), resealed);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not verify the audit chain", e);
        }
    }

    private static Break unchained(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT e.global_index, e.event_identifier"
                + " FROM domain_event_entry e LEFT JOIN event_chain c ON c.global_index = e.global_index"
                + " WHERE c.global_index IS NULL ORDER BY e.global_index LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return new Break(Problem.UNCHAINED, null, row.getLong(1), row.getString(2), "Event " + row.getString(2)
                    + " (global index " + row.getLong(1) + ") is stored but was never chained: it was written"
                    + " around the service.");
        }
    }

    /** @param matched whether the kept checkpoint was reached and matched before the break (null without one) */
    private static Verification broken(String service, long checked, Boolean matched, Break why) {
        return new Verification(service, false, checked, null, matched, why, null, 0);
    }
}
