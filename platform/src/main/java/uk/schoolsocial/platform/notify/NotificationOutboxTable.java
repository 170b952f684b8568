package uk.schoolsocial.platform.notify;

import java.util.regex.Pattern;

/**
 * A service's notification outbox (INC-2, issue 12): a table its projections fill and
 * {@link NotificationSender} drains. Each service that notifies declares one as a bean. The table
 * has the shared shape: {@code id, school_id, recipient_role, kind, text, link, created_at,
 * delivered_at, delivery_state, attempts, next_attempt_at, last_error} (see the incident service's
 * {@code incident_notification}). The text names a category, never a person or a narrative.
 *
 * @param name the table's name
 */
public record NotificationOutboxTable(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public NotificationOutboxTable {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a table name: " + name);
        }
    }
}
