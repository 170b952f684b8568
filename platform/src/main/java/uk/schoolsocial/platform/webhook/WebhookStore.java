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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The service's subscriptions and deliveries (tables {@code webhook_subscription},
 * {@code webhook_delivery}). Deliveries are written by {@link WebhookOutbox} in its transaction;
 * everything else is a short statement of its own. The dispatcher's claims and attempts are
 * {@link WebhookClaims}; rows are read into records by {@link WebhookRows}.
 */
@Singleton
public class WebhookStore {

    /** A delivery being retried; one delivered; one given up on until redelivered by hand. */
    public enum State { PENDING, DELIVERED, PARKED }

    public record Subscription(String id, String schoolId, String url, List<String> eventTypes,
                               Set<String> subscriberRoles, String secret, String createdBy, Instant createdAt) {

        /** Whether it hears of events of this type: it asked for it, and its roles may read it. */
        boolean hears(WebhookType type) {
            return eventTypes.contains(type.wireName()) && type.readableBy(subscriberRoles);
        }

        boolean sameAs(String otherUrl, List<String> otherTypes, String otherSecret) {
            return url.equals(otherUrl) && new TreeSet<>(eventTypes).equals(new TreeSet<>(otherTypes))
                    && secret.equals(otherSecret);
        }
    }

    public record Delivery(String deliveryId, String subscriptionId, String eventId, String eventType, String recordId,
                           State state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
                           Integer lastStatus, String lastError, Instant deliveredAt) {
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

    /** In the outbox's transaction: the school's subscriptions live at {@code at}, whatever they listen to. */
    List<Subscription> subscriptions(Connection c, String school, Instant at) throws SQLException {
        List<Subscription> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM webhook_subscription WHERE school_id = ?"
                + " AND deleted_at IS NULL AND created_at <= ? ORDER BY subscription_id")) {
            select.setString(1, school);
            select.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(WebhookRows.subscription(rows, secrets));
                }
            }
        }
        return found;
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
            return WebhookRows.deliveries(select);
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }

    Optional<Delivery> delivery(String school, String deliveryId) {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement("SELECT "
                + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE school_id = ? AND delivery_id = ?")) {
            select.setString(1, school);
            select.setString(2, deliveryId);
            return WebhookRows.deliveries(select).stream().findFirst();
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

    private List<Subscription> subscriptions(String sql, String... parameters) {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Subscription> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(WebhookRows.subscription(rows, secrets));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook store unavailable", e);
        }
    }
}
