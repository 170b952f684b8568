package uk.schoolsocial.platform.webhook;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The service's subscriptions and deliveries (tables {@code webhook_subscription},
 * {@code webhook_delivery}). Deliveries are written by {@link WebhookOutbox} in its transaction;
 * everything else is a short statement of its own, or the dispatcher's claim.
 */
@Singleton
public class WebhookStore {

    /** A delivery being retried; one delivered; one given up on until redelivered by hand. */
    public enum State { PENDING, DELIVERED, PARKED }

    public record Subscription(String id, String schoolId, String url, List<String> eventTypes,
                               Set<String> subscriberRoles, String secret, String createdBy, Instant createdAt) {

        boolean sameAs(String otherUrl, List<String> otherTypes, String otherSecret) {
            return url.equals(otherUrl) && new TreeSet<>(eventTypes).equals(new TreeSet<>(otherTypes))
                    && secret.equals(otherSecret);
        }
    }

    public record Delivery(String deliveryId, String subscriptionId, String eventId, String eventType, String recordId,
                           State state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
                           Integer lastStatus, String lastError, Instant deliveredAt) {
    }

    /** A delivery claimed for sending, with what sending it needs; {@code windowStart} null before its first attempt. */
    record Due(long position, String deliveryId, String schoolId, String url, String secret, String payload,
               int attempts, Instant windowStart) {
    }

    private static final String DELIVERY_COLUMNS = "delivery_id, subscription_id, event_id, event_type, record_id,"
            + " state, attempts, created_at, next_attempt_at, last_attempt_at, last_status, last_error, delivered_at";

    private final DataSource pool;
    private final WebhookSecrets secrets;

    WebhookStore(DataSource dataSource, WebhookSecrets secrets) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.secrets = secrets;
    }

    /** Stores a new subscription; false if its id is taken. */
    boolean create(Subscription s) {
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO webhook_subscription (subscription_id, school_id, url, event_types, subscriber_roles,"
                        + " secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.id());
            insert.setString(2, s.schoolId());
            insert.setString(3, s.url());
            insert.setString(4, String.join(",", s.eventTypes()));
            insert.setString(5, String.join(",", new TreeSet<>(s.subscriberRoles())));
            insert.setString(6, secrets.seal(s.schoolId(), s.id(), s.secret()));
            insert.setString(7, s.createdBy());
            insert.setTimestamp(8, Timestamp.from(s.createdAt()));
            insert.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException taken) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    /** The school's subscription, deleted ones excepted. */
    Optional<Subscription> subscription(String school, String id) {
        List<Subscription> found = subscriptions("SELECT * FROM webhook_subscription WHERE school_id = ?"
                + " AND subscription_id = ? AND deleted_at IS NULL", school, id);
        return found.stream().findFirst();
    }

    List<Subscription> subscriptions(String school) {
        return subscriptions("SELECT * FROM webhook_subscription WHERE school_id = ? AND deleted_at IS NULL"
                + " ORDER BY created_at, subscription_id", school);
    }

    /** Deletes it: nothing more is delivered to it; its deliveries still pending are parked. */
    boolean delete(String school, String id, Instant now) {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE webhook_subscription SET deleted_at = ?"
                    + " WHERE school_id = ? AND subscription_id = ? AND deleted_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, school);
                update.setString(3, id);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement park = c.prepareStatement("UPDATE webhook_delivery SET state = 'PARKED',"
                    + " last_error = 'subscription deleted' WHERE subscription_id = ? AND state = 'PENDING'")) {
                park.setString(1, id);
                park.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    /** In the outbox's transaction: the school's subscriptions to {@code type} made no later than {@code at}. */
    /** The school's subscriptions live at {@code at}, whatever they listen to. */
    List<Subscription> subscriptions(Connection c, String school, Instant at) throws SQLException {
        List<Subscription> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM webhook_subscription WHERE school_id = ?"
                + " AND deleted_at IS NULL AND created_at <= ? ORDER BY subscription_id")) {
            select.setString(1, school);
            select.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(subscription(rows));
                }
            }
        }
        return found;
    }

    /** Whether a subscription hears of events of this type: it asked for it, and its roles may read it. */
    static boolean hears(Subscription s, WebhookType type) {
        return s.eventTypes().contains(type.wireName()) && type.readableBy(s.subscriberRoles());
    }

    /** In the outbox's transaction; once per subscription and event, however often the event is handled. */
    void addDelivery(Connection c, String deliveryId, Subscription s, String eventId, WebhookType type, String recordId,
                     String payload, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO webhook_delivery (delivery_id,"
                + " subscription_id, school_id, event_id, event_type, record_id, payload, state, created_at,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")) {
            Timestamp at = Timestamp.from(now);
            insert.setString(1, deliveryId);
            insert.setString(2, s.id());
            insert.setString(3, s.schoolId());
            insert.setString(4, eventId);
            insert.setString(5, type.wireName());
            insert.setString(6, recordId);
            insert.setString(7, payload);
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            insert.executeUpdate();
        }
    }

    /** The subscription's deliveries, latest first. */
    List<Delivery> deliveries(String school, String subscriptionId, int limit) {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement("SELECT "
                + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE school_id = ? AND subscription_id = ?"
                + " ORDER BY position DESC LIMIT ?")) {
            select.setString(1, school);
            select.setString(2, subscriptionId);
            select.setInt(3, limit);
            return deliveries(select);
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    Optional<Delivery> delivery(String school, String deliveryId) {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement("SELECT "
                + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE school_id = ? AND delivery_id = ?")) {
            select.setString(1, school);
            select.setString(2, deliveryId);
            return deliveries(select).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    /** Sends it again, at once and with a new retry window, whatever its state: same id, same body. */
    void redeliver(String deliveryId, Instant now) {
        try (Connection c = pool.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE webhook_delivery"
                + " SET state = 'PENDING', window_start = NULL, next_attempt_at = ?, claimed_until = NULL,"
                + " delivered_at = NULL WHERE delivery_id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, deliveryId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
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
                                    rows.getString(6), rows.getInt(7), instant(rows, "window_start")));
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
    void attempted(long position, State state, Integer status, String error, Instant now, Instant next) {
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
            update.setTimestamp(6, state == State.DELIVERED ? Timestamp.from(now) : null);
            update.setTimestamp(7, next == null ? null : Timestamp.from(next));
            update.setLong(8, position);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    private List<Subscription> subscriptions(String sql, String... parameters) {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Subscription> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(subscription(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    private Subscription subscription(ResultSet row) throws SQLException {
        return new Subscription(row.getString("subscription_id"), row.getString("school_id"), row.getString("url"),
                List.of(row.getString("event_types").split(",")),
                Set.copyOf(Arrays.asList(row.getString("subscriber_roles").split(","))),
                secrets.open(row.getString("school_id"), row.getString("subscription_id"), row.getString("secret")),
                row.getString("created_by"), row.getTimestamp("created_at").toInstant());
    }

    private static List<Delivery> deliveries(PreparedStatement select) throws SQLException {
        List<Delivery> found = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                found.add(new Delivery(row.getString("delivery_id"), row.getString("subscription_id"),
                        row.getString("event_id"), row.getString("event_type"), row.getString("record_id"),
                        State.valueOf(row.getString("state")), row.getInt("attempts"), instant(row, "created_at"),
                        instant(row, "next_attempt_at"), instant(row, "last_attempt_at"), row.getObject("last_status", Integer.class),
                        row.getString("last_error"), instant(row, "delivered_at")));
            }
        }
        return found;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
