package uk.schoolsocial.platform.changes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * The service's change feed (issue 12): appended by its change-feed projection in the transaction
 * of the event's handling, read by the MIS page by page from an opaque cursor. Append in one
 * processor on one segment only, so that entries commit in the order of their {@code seq} and a
 * reader resuming after one never misses an earlier-numbered entry committed later.
 */
@Singleton
public class ChangeLog {

    private static final String CURSOR_PREFIX = "c1:";

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;

    ChangeLog(DataSource dataSource, TransactionOperations<Connection> transactions) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
    }

    /** A page of the feed and the cursor to read on from (given even when the page is empty). */
    public record Page(List<ChangeRecord> items, String cursor, boolean more) {
    }

    /** Records a change, in the current transaction; a second call for the same event adds nothing (a
     * duplicate only: not INSERT IGNORE, which would also truncate a value that does not fit). */
    public void append(String eventId, String schoolId, String kind, String recordId, @Nullable String subjectId,
                       @Nullable String channel, String status, Instant occurredAt, String link) {
        try (PreparedStatement insert = transactions.getConnection().prepareStatement("INSERT INTO change_record"
                + " (event_id, school_id, kind, record_id, subject_id, channel, status, occurred_at, link)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE event_id = event_id")) {
            insert.setString(1, eventId);
            insert.setString(2, schoolId);
            insert.setString(3, kind);
            insert.setString(4, recordId);
            insert.setString(5, subjectId);
            insert.setString(6, channel);
            insert.setString(7, status);
            insert.setTimestamp(8, Timestamp.from(occurredAt));
            insert.setString(9, link);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append to the change feed", e);
        }
    }

    /**
     * How many changes of {@code kind} reached {@code status} at the school in [{@code from}, {@code to}):
     * every one, where a read model keeps only the latest (a withdrawal followed by new consent, an
     * objection since lifted). For the governors' report (issue 16).
     */
    public long count(String schoolId, String kind, String status, Instant from, Instant to) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM change_record"
                     + " WHERE school_id = ? AND kind = ? AND status = ? AND occurred_at >= ? AND occurred_at < ?")) {
            select.setString(1, schoolId);
            select.setString(2, kind);
            select.setString(3, status);
            select.setTimestamp(4, java.sql.Timestamp.from(from));
            select.setTimestamp(5, java.sql.Timestamp.from(to));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the change feed", e);
        }
    }

    /** The school's changes after {@code cursor} (from the first without one), oldest first. */
    public Page page(String schoolId, @Nullable String cursor, int limit) {
        long after = decode(cursor);
        List<ChangeRecord> items = new ArrayList<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT seq, kind, record_id, subject_id,"
                     + " channel, status, occurred_at, link FROM change_record WHERE school_id = ? AND seq > ?"
                     + " ORDER BY seq LIMIT ?")) {
            select.setString(1, schoolId);
            select.setLong(2, after);
            select.setInt(3, limit + 1);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(new ChangeRecord(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getTimestamp(7).toInstant(), row.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change feed", e);
        }
        boolean more = items.size() > limit;
        List<ChangeRecord> page = more ? items.subList(0, limit) : items;
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new Page(List.copyOf(page), encode(last), more);
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(CURSOR_PREFIX)) {
                long seq = Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new DomainException(PlatformError.VALIDATION_FAILED, "The cursor is not one this feed issued",
                List.of(new FieldError("cursor", "not a cursor of this change feed")));
    }
}
