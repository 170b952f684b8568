package uk.schoolsocial.platform.notify;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The sender's reads and writes of an outbox table, each its own short autocommitted statement:
 * a notification is claimed by raising its attempt count from the value read (so of several
 * instances one sends it) and leasing it for the SMTP timeout, then marked sent, or rescheduled
 * with back-off, or parked as FAILED. Times are the database's ({@code NOW(6)}), as every instance
 * shares it.
 */
@Singleton
class OutboxRows {

    private final DataSource pool;

    OutboxRows(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    List<PendingNotification> due(NotificationOutboxTable table, int limit) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, school_id, recipient_role, kind,"
                     + " text, link, attempts FROM " + table.name() + " WHERE delivery_state = 'PENDING'"
                     + " AND next_attempt_at <= NOW(6) ORDER BY next_attempt_at, id LIMIT ?")) {
            connection.setAutoCommit(true);
            select.setInt(1, limit);
            List<PendingNotification> due = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(new PendingNotification(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getInt(7)));
                }
            }
            return due;
        }
    }

    boolean claim(NotificationOutboxTable table, PendingNotification notification, Duration lease) throws SQLException {
        return update("UPDATE " + table.name() + " SET attempts = attempts + 1,"
                + " next_attempt_at = NOW(6) + INTERVAL ? MICROSECOND"
                + " WHERE id = ? AND attempts = ? AND delivery_state = 'PENDING'",
                lease.toNanos() / 1_000, notification.id(), notification.attempts()) == 1;
    }

    void delivered(NotificationOutboxTable table, String id, DeliveryState state) throws SQLException {
        update("UPDATE " + table.name() + " SET delivery_state = ?, delivered_at = NOW(6), last_error = NULL"
                + " WHERE id = ?", state.name(), id);
    }

    void retryLater(NotificationOutboxTable table, String id, Duration wait, String error) throws SQLException {
        update("UPDATE " + table.name() + " SET next_attempt_at = NOW(6) + INTERVAL ? MICROSECOND, last_error = ?"
                + " WHERE id = ?", wait.toNanos() / 1_000, error, id);
    }

    void park(NotificationOutboxTable table, String id, String error) throws SQLException {
        update("UPDATE " + table.name() + " SET delivery_state = 'FAILED', last_error = ? WHERE id = ?", error, id);
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
