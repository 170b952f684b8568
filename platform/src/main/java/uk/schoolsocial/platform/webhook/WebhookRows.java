package uk.schoolsocial.platform.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import uk.schoolsocial.platform.webhook.WebhookStore.Delivery;
import uk.schoolsocial.platform.webhook.WebhookStore.State;
import uk.schoolsocial.platform.webhook.WebhookStore.Subscription;

/**
 * Reads rows of {@code webhook_subscription} and {@code webhook_delivery} into the store's records,
 * for {@link WebhookStore} and {@link WebhookClaims} alike, so each column is read, and each secret
 * opened, the same way wherever a row is loaded.
 */
final class WebhookRows {

    private WebhookRows() {
    }

    /** A subscription row, its secret opened. */
    static Subscription subscription(ResultSet row, WebhookSecrets secrets) throws SQLException {
        return new Subscription(row.getString("subscription_id"), row.getString("school_id"), row.getString("url"),
                List.of(row.getString("event_types").split(",")),
                Set.copyOf(Arrays.asList(row.getString("subscriber_roles").split(","))),
                secrets.open(row.getString("school_id"), row.getString("subscription_id"), row.getString("secret")),
                row.getString("created_by"), row.getTimestamp("created_at").toInstant());
    }

    /** The deliveries a query selecting {@link WebhookStore}'s delivery columns finds. */
    static List<Delivery> deliveries(PreparedStatement select) throws SQLException {
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

    /** A nullable timestamp column as an instant. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
