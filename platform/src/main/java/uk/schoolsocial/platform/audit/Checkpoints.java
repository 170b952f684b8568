package uk.schoolsocial.platform.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.schoolsocial.events.AuditChain;

/** Issues, keeps and checks the signed checkpoints of this service's chain (AUD-3). */
@Singleton
public class Checkpoints {

    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final String service;

    Checkpoints(DataSource dataSource, CheckpointSigner signer, Clock clock,
                @Value("${smp.service.name}") String service) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.signer = signer;
        this.clock = clock;
        this.service = service;
    }

    public String service() {
        return service;
    }

    public String keyId() {
        return signer.keyId();
    }

    public byte[] publicKey() {
        return signer.publicKey();
    }

    boolean isOurs(Checkpoint checkpoint) {
        return service.equals(checkpoint.service()) && checkpoint.signedBy(signer.publicKey());
    }

    /** A checkpoint of the head as it is now. */
    public Checkpoint issueAtHead() {
        try (Connection connection = dataSource.getConnection()) {
            EventChainWriter.Head head = EventChainWriter.head(connection);
            return issue(head.seq(), globalIndexAt(connection, head.seq()), head.hash());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the chain head", e);
        }
    }

    /** Signs and keeps a checkpoint of the chain at {@code size}. */
    Checkpoint issue(long size, long globalIndex, byte[] chainHash) {
        String issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String signature = signer.sign(AuditChain.checkpointMessage(service, size, globalIndex, chainHash, issuedAt));
        Checkpoint checkpoint = new Checkpoint(service, size, globalIndex, AuditChain.hex(chainHash), issuedAt,
                signer.keyId(), signature);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("REPLACE INTO audit_checkpoint (chain_seq,"
                     + " global_index, chain_hash, issued_at, key_id, signature) VALUES (?,?,?,?,?,?)")) {
            insert.setLong(1, size);
            insert.setLong(2, globalIndex);
            insert.setBytes(3, chainHash);
            insert.setString(4, issuedAt);
            insert.setString(5, signer.keyId());
            insert.setString(6, signature);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the checkpoint", e);
        }
        return checkpoint;
    }

    /** The checkpoints issued, newest first. */
    public List<Checkpoint> recent(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT chain_seq, global_index, chain_hash,"
                     + " issued_at, key_id, signature FROM audit_checkpoint ORDER BY chain_seq DESC, issued_at DESC"
                     + " LIMIT ?")) {
            read.setInt(1, limit);
            List<Checkpoint> list = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    list.add(new Checkpoint(service, rows.getLong(1), rows.getLong(2), AuditChain.hex(rows.getBytes(3)),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the checkpoints", e);
        }
    }

    /**
     * The checkpoint kept for the chain at {@code size}: the one signed with the current key if there
     * is one, else the latest issued (a checkpoint signed with an earlier key still proves what it says).
     */
    public Optional<Checkpoint> at(long size) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT chain_seq, global_index, chain_hash,"
                     + " issued_at, key_id, signature FROM audit_checkpoint WHERE chain_seq = ?"
                     + " ORDER BY key_id = ? DESC, issued_at DESC LIMIT 1")) {
            read.setLong(1, size);
            read.setString(2, signer.keyId());
            try (ResultSet rows = read.executeQuery()) {
                return rows.next() ? Optional.of(new Checkpoint(service, rows.getLong(1), rows.getLong(2),
                        AuditChain.hex(rows.getBytes(3)), rows.getString(4), rows.getString(5), rows.getString(6)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the checkpoint", e);
        }
    }

    /** A checkpoint for the end of an export: the chain at {@code seq}. */
    Checkpoint issueAt(long seq, byte[] chainHash) {
        try (Connection connection = dataSource.getConnection()) {
            return issue(seq, globalIndexAt(connection, seq), chainHash);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the chain", e);
        }
    }

    private static long globalIndexAt(Connection connection, long seq) throws SQLException {
        if (seq == 0) {
            return 0;
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT global_index FROM event_chain WHERE chain_seq = ?")) {
            read.setLong(1, seq);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
