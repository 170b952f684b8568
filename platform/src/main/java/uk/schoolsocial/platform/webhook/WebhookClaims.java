package uk.schoolsocial.platform.webhook;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The dispatcher's side of {@code webhook_delivery}: claiming due deliveries for this instance to
 * send, and recording how each attempt went. Kept apart from {@link WebhookStore}, which the API and
 * the outbox use, because only {@link WebhookDispatcher} does either, and the claim is the one place
 * where instances contend for the same rows.
 */
@Singleton
class WebhookClaims {

    /** A delivery claimed for sending, with what sending it needs; {@code windowStart} null before its first attempt. */
    record Due(long position, String deliveryId, String schoolId, String url, String secret, String payload,
               int attempts, Instant windowStart) {
    }

    private final DataSource pool;
    private final WebhookSecrets secrets;

    WebhookClaims(DataSource dataSource, WebhookSecrets secrets) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.secrets = secrets;
    }

    /**
     * Claims due deliveries until {@code claimUntil}, oldest first, and of each subscription's record
     * only the oldest still pending (so one record's deliveries go out one at a time, in event order).
     * Rows another instance holds locked are skipped, and a claimed row is left alone until its claim ends.
     */
    List<Due> claim(Instant now, Instant claimUntil, int batch) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Due> due = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("SELECT d.position, d.delivery_id, d.school_id,"
                        + " s.url, s.secret, d.payload, d.attempts, d.window_start, s.subscription_id, s.school_id"
                        + " FROM webhook_delivery d"
                        + " JOIN webhook_subscription s ON s.subscription_id = d.subscription_id"
                        + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?"
                        + " AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id"
                        + " AND e.record_id = d.record_id AND e.state = 'PENDING' AND e.position < d.position)"
                        + " ORDER BY d.position LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    select.setTimestamp(1, Timestamp.from(now));
                    select.setTimestamp(2, Timestamp.from(now));
                    select.setInt(3, batch);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                    secrets.open(rows.getString(10), rows.getString(9), rows.getString(5)),
                                    rows.getString(6), rows.getInt(7), WebhookRows.instant(rows, "window_start")));
                        }
                    }
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE webhook_delivery SET claimed_until = ? WHERE position = ?")) {
                    for (Due d : due) {
                        update.setTimestamp(1, Timestamp.from(claimUntil));
                        update.setLong(2, d.position());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                c.commit();
                return due;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    /**
     * The outcome of an attempt made at {@code now}: delivered, to be retried at {@code next}, or
     * parked ({@code next} null); the first attempt starts the retry window.
     */
    void attempted(long position, WebhookStore.State state, Integer status, String error, Instant now, Instant next) {
        try (Connection c = pool.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE webhook_delivery"
                + " SET state = ?, attempts = attempts + 1, last_attempt_at = ?, window_start = COALESCE(window_start, ?),"
                + " last_status = ?, last_error = ?, delivered_at = ?, next_attempt_at = COALESCE(?, next_attempt_at),"
                + " claimed_until = NULL WHERE position = ? AND state = 'PENDING'")) {
            update.setString(1, state.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setTimestamp(3, Timestamp.from(now));
            if (status == null) {
                update.setNull(4, java.sql.Types.INTEGER);
            } else {
                update.setInt(4, status);
            }
            update.setString(5, error);
            update.setTimestamp(6, state == WebhookStore.State.DELIVERED ? Timestamp.from(now) : null);
            update.setTimestamp(7, next == null ? null : Timestamp.from(next));
            update.setLong(8, position);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }
}
