package uk.schoolsocial.platform.notify;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Adds a notification to a service's outbox (issue 12), in the current transaction: a projection
 * calls it in the transaction of the event it handles. The id makes a redelivered or replayed
 * event add nothing. {@link NotificationSender} e-mails it.
 */
@Singleton
public class Notifications {

    private final TransactionOperations<Connection> transactions;

    Notifications(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param text the category of what happened and nothing about who: it is the e-mail's subject
     * @param link a path of the API where the recipient reads the record
     */
    public void enqueue(NotificationOutboxTable outbox, String id, String schoolId, String recipientRole, String kind,
                        String text, String link, Instant at) {
        try (PreparedStatement insert = transactions.getConnection().prepareStatement("INSERT INTO " + outbox.name()
                + " (id, school_id, recipient_role, kind, text, link, created_at, delivery_state, attempts,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?) ON DUPLICATE KEY UPDATE id = id")) {
            insert.setString(1, id);
            insert.setString(2, schoolId);
            insert.setString(3, recipientRole);
            insert.setString(4, kind);
            insert.setString(5, text);
            insert.setString(6, link);
            insert.setTimestamp(7, Timestamp.from(at));
            insert.setTimestamp(8, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add to the notification outbox " + outbox.name(), e);
        }
    }
}
