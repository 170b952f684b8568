package uk.schoolsocial.platform.web;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The first answer to each keyed POST, per school and caller, in the service's own schema.
 * Each call is its own short autocommitted statement, outside the command's transaction.
 */
@Singleton
class IdempotencyStore {

    /** A remembered request: its hash and, once answered, the answer. */
    record Entry(String requestHash, Integer status, String contentType, byte[] body, String location, String etag) {
        boolean answered() {
            return status != null;
        }
    }

    private final DataSource pool;

    IdempotencyStore(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Claims the key for a new request; empty if claimed, else what the key already holds. */
    Optional<Entry> claim(String school, String actor, String key, String requestHash) {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO idempotency_record (school_id, actor_id, idempotency_key, request_hash) VALUES (?,?,?,?)")) {
            connection.setAutoCommit(true);
            insert.setString(1, school);
            insert.setString(2, actor);
            insert.setString(3, key);
            insert.setString(4, requestHash);
            insert.executeUpdate();
            return Optional.empty();
        } catch (SQLIntegrityConstraintViolationException taken) {
            return find(school, actor, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    void answer(String school, String actor, String key, int status, String contentType, byte[] body,
                String location, String etag) {
        execute("UPDATE idempotency_record SET response_status = ?, response_type = ?, response_body = ?,"
                + " response_location = ?, response_etag = ? WHERE school_id = ? AND actor_id = ? AND idempotency_key = ?",
                status, contentType, body, location, etag, school, actor, key);
    }

    /** Forgets a claim whose request failed on our side, so that the client's retry can run. */
    void release(String school, String actor, String key) {
        execute("DELETE FROM idempotency_record WHERE school_id = ? AND actor_id = ? AND idempotency_key = ?",
                school, actor, key);
    }

    private Optional<Entry> find(String school, String actor, String key) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT request_hash, response_status, response_type, response_body, response_location, response_etag"
                             + " FROM idempotency_record WHERE school_id = ? AND actor_id = ? AND idempotency_key = ?")) {
            select.setString(1, school);
            select.setString(2, actor);
            select.setString(3, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                // getObject with a type reads SQL NULL as null: no wasNull() to get out of step with.
                return Optional.of(new Entry(row.getString(1), row.getObject(2, Integer.class), row.getString(3),
                        row.getBytes(4), row.getString(5), row.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }
}
