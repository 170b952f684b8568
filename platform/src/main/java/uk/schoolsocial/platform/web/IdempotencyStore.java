package uk.schoolsocial.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The idempotency record of each keyed POST, per school and caller, in the service's own schema
 * (decision 8). An attempt holds the key with a claim id for a lease; the transaction of the
 * request's command marks it committed; the answer is stored last. Everything but
 * {@link #commit} is a short autocommitted statement of its own.
 */
@Singleton
public class IdempotencyStore {

    /** How often a claim is tried again when concurrent attempts race for a key. */
    private static final int ROUNDS = 5;
    private static final int PURGE_BATCH = 1_000;
    private static final String KEY = " WHERE school_id = ? AND actor_id = ? AND idempotency_key = ?";

    /**
     * What a key holds. {@code lapsed}: its lease has run out, so whoever held it is gone (or too
     * slow to be waited for). {@code committedRecord} and {@code committedVersion}: the aggregate
     * the committed request changed, and its version after the change.
     */
    record Entry(String requestHash, String claimId, boolean lapsed, boolean committed, String committedRecord,
                 Long committedVersion, Integer status, String contentType, byte[] body, String location, String etag) {

        boolean answered() {
            return status != null;
        }

        /** Nothing committed, nothing answered, and its lease has run out: a retry takes it over. */
        boolean abandoned() {
            return lapsed && !committed && !answered();
        }
    }

    /** Concurrent attempts kept winning the race for the key: it is in use. */
    static final class ContendedKeyException extends RuntimeException {
        ContendedKeyException(Throwable cause) {
            super("Concurrent requests race for one Idempotency-Key", cause);
        }
    }

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;
    private final long leaseMicros;

    IdempotencyStore(DataSource dataSource, TransactionOperations<Connection> transactions,
                     @Value("${smp.idempotency.lease}") Duration lease) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
        this.leaseMicros = lease.toNanos() / 1_000;
    }

    /**
     * Makes {@code claimId} the holder of the key: empty if it now holds it (new, or taken over
     * from an abandoned claim), else what the key holds.
     */
    Optional<Entry> claim(String school, String actor, String key, String requestHash, String claimId) {
        SQLException lastRace = null;
        for (int round = 0; round < ROUNDS; round++) {
            try {
                if (insert(school, actor, key, requestHash, claimId)) {
                    return Optional.empty();
                }
                Optional<Entry> found = find(school, actor, key);
                if (found.isEmpty()) {
                    continue; // released between the insert and the read
                }
                Entry entry = found.get();
                if (!entry.abandoned() || !entry.requestHash().equals(requestHash)) {
                    return found;
                }
                if (takeOver(school, actor, key, entry.claimId(), claimId)) {
                    return Optional.empty();
                }
            } catch (SQLTransactionRollbackException race) {
                // InnoDB gives up one of several inserts waiting on a row that was just released.
                lastRace = race;
            } catch (SQLException e) {
                throw new IllegalStateException("Idempotency store unavailable", e);
            }
        }
        throw new ContendedKeyException(lastRace);
    }

    /**
     * In the transaction of the request's command: marks the record committed, with the record it
     * changed, and renews the lease for the answer to follow. False if {@code claimId} no longer
     * holds the key (released, or taken over after its lease ran out): then the command must not commit.
     */
    boolean commit(String claimId, String record, Long version) {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("A command commits in a transaction");
        }
        try (PreparedStatement update = transactions.getConnection().prepareStatement("UPDATE idempotency_record"
                + " SET committed_at = COALESCE(committed_at, NOW(6)), committed_record = COALESCE(committed_record, ?),"
                + " committed_version = COALESCE(committed_version, ?), lease_until = NOW(6) + INTERVAL ? MICROSECOND"
                + " WHERE claim_id = ? AND response_status IS NULL")) {
            update.setString(1, record);
            update.setObject(2, version);
            update.setLong(3, leaseMicros);
            update.setString(4, claimId);
            // Connector/J counts matched rows (useAffectedRows=false), so a second command of the
            // same request, which changes nothing here, still finds its claim.
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    void answer(String claimId, int status, String contentType, byte[] body, String location, String etag) {
        execute("UPDATE idempotency_record SET response_status = ?, response_type = ?, response_body = ?,"
                + " response_location = ?, response_etag = ? WHERE claim_id = ?",
                status, contentType, body, location, etag, claimId);
    }

    /**
     * The attempt failed on our side. Uncommitted, the key is released so that a retry runs it;
     * committed, its lease ends now, so that a retry learns at once that it was applied.
     */
    void abandon(String claimId) {
        if (execute("DELETE FROM idempotency_record WHERE claim_id = ? AND committed_at IS NULL", claimId) == 0) {
            execute("UPDATE idempotency_record SET lease_until = NOW(6) WHERE claim_id = ? AND response_status IS NULL",
                    claimId);
        }
    }

    /**
     * Forgets the records made more than {@code keep} ago whose lease has run out (AUD-4: a stored
     * answer is a copy of what the request returned, personal data included, and is kept no longer
     * than a retry needs it). A batch at a time, so no statement holds many rows.
     *
     * @return how many records were forgotten
     */
    int purge(Duration keep) {
        long total = 0;
        int deleted;
        do {
            deleted = execute("DELETE FROM idempotency_record WHERE created_at < NOW(6) - INTERVAL ? MICROSECOND"
                    + " AND lease_until < NOW(6) LIMIT " + PURGE_BATCH, keep.toNanos() / 1_000);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return (int) total;
    }

    /**
     * AUD-4, in an erasure's transaction: no stored answer of {@code school} keeps a copy of what
     * mentions {@code id} (as a JSON string). A committed request's answer is dropped and its key
     * kept, so that a retry learns it was applied (409 {@code IDEMPOTENCY_KEY_APPLIED}) and is never
     * run twice; a refused one is forgotten, so a retry runs again.
     *
     * @return how many answers were dropped or forgotten
     */
    public int forgetAnswersMentioning(Connection transaction, String school, String id) throws SQLException {
        return StoredAnswerErasure.forget(transaction, school, id);
    }

    private boolean insert(String school, String actor, String key, String requestHash, String claimId)
            throws SQLException {
        try {
            update("INSERT INTO idempotency_record (school_id, actor_id, idempotency_key, request_hash, claim_id,"
                    + " lease_until) VALUES (?, ?, ?, ?, ?, NOW(6) + INTERVAL ? MICROSECOND)",
                    school, actor, key, requestHash, claimId, leaseMicros);
            return true;
        } catch (SQLIntegrityConstraintViolationException taken) {
            return false;
        }
    }

    /** Only while the abandoned claim is still there: of two retries racing for it, one wins. */
    private boolean takeOver(String school, String actor, String key, String abandonedClaim, String claimId)
            throws SQLException {
        return update("UPDATE idempotency_record SET claim_id = ?, lease_until = NOW(6) + INTERVAL ? MICROSECOND"
                + KEY + " AND claim_id <=> ? AND committed_at IS NULL AND response_status IS NULL"
                + " AND lease_until < NOW(6)", claimId, leaseMicros, school, actor, key, abandonedClaim) == 1;
    }

    private Optional<Entry> find(String school, String actor, String key) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT request_hash, claim_id,"
                     + " lease_until < NOW(6), committed_at IS NOT NULL, committed_record, committed_version,"
                     + " response_status, response_type, response_body, response_location, response_etag"
                     + " FROM idempotency_record" + KEY)) {
            select.setString(1, school);
            select.setString(2, actor);
            select.setString(3, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                // getObject with a type reads SQL NULL as null: no wasNull() to get out of step with.
                return Optional.of(new Entry(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
                        row.getString(5), row.getObject(6, Long.class), row.getObject(7, Integer.class),
                        row.getString(8), row.getBytes(9), row.getString(10), row.getString(11)));
            }
        }
    }

    private int execute(String sql, Object... parameters) {
        try {
            return update(sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
