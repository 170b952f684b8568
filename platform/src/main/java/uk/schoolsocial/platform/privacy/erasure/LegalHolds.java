package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.privacy.LegalHoldBasis;
import uk.schoolsocial.events.privacy.LegalHoldPlacedEvent;
import uk.schoolsocial.events.privacy.LegalHoldReleasedEvent;
import uk.schoolsocial.events.privacy.SubjectType;

/**
 * The legal holds a school placed (AUD-4), written in the transaction of their events (the
 * subscribing processor of the retention periods, so a hold stands once its request answers), and
 * read by every erasure: a subject or one of the records erasing it would take under a standing hold
 * is kept, by request and by retention alike.
 */
@Singleton
@ProcessingGroup(RetentionPeriods.GROUP)
public class LegalHolds {

    /** One hold as the API shows it. */
    public record Hold(String holdId, SubjectType subjectType, String subjectId, LegalHoldBasis basis,
                       LocalDate until, String placedBy, Instant placedAt, Instant releasedAt) {
    }

    private static final String COLUMNS = "SELECT hold_id, subject_type, subject_id, basis, until, placed_by, placed_at,"
            + " released_at FROM legal_hold WHERE school_id = ?";

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;

    LegalHolds(DataSource dataSource, TransactionOperations<Connection> transactions) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
    }

    @EventHandler
    void on(LegalHoldPlacedEvent event) throws SQLException {
        try (PreparedStatement insert = transactions.getConnection().prepareStatement("INSERT IGNORE INTO legal_hold"
                + " (hold_id, school_id, subject_type, subject_id, basis, until, placed_by, placed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.holdId());
            insert.setString(2, event.schoolId());
            insert.setString(3, event.subjectType().name());
            insert.setString(4, event.subjectId());
            insert.setString(5, event.basis().name());
            insert.setDate(6, event.until() == null ? null : Date.valueOf(event.until()));
            insert.setString(7, event.placedBy());
            insert.setTimestamp(8, Timestamp.from(event.placedAt()));
            insert.executeUpdate();
        }
    }

    @EventHandler
    void on(LegalHoldReleasedEvent event) throws SQLException {
        try (PreparedStatement update = transactions.getConnection().prepareStatement(
                "UPDATE legal_hold SET released_at = ? WHERE hold_id = ? AND released_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(event.releasedAt()));
            update.setString(2, event.holdId());
            update.executeUpdate();
        }
    }

    /** The standing holds (not released, not past their end) on any of {@code subjects}, as erasure holds. */
    List<ErasureHold> standing(String school, Collection<SubjectRef> subjects, LocalDate today) {
        List<ErasureHold> holds = new ArrayList<>();
        for (SubjectRef subject : subjects) {
            for (Hold hold : query(COLUMNS + " AND subject_type = ? AND subject_id = ? AND released_at IS NULL"
                    + " ORDER BY placed_at", school, subject.type().name(), subject.id())) {
                if (hold.until() == null || !hold.until().isBefore(today)) {
                    holds.add(new ErasureHold("LEGAL_HOLD", subject.toString(), hold.until(),
                            "a legal hold (" + hold.basis() + ", " + hold.holdId() + ") placed by " + hold.placedBy()
                                    + " on " + hold.placedAt() + (hold.until() == null ? ", until released" : "")));
                }
            }
        }
        return holds;
    }

    public Optional<Hold> find(String school, String holdId) {
        return query(COLUMNS + " AND hold_id = ?", school, holdId).stream().findFirst();
    }

    /** Newest first. */
    public List<Hold> recent(String school, int limit) {
        return query(COLUMNS + " ORDER BY placed_at DESC, hold_id DESC LIMIT " + limit, school);
    }

    private List<Hold> query(String sql, String... parameters) {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Hold> holds = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    holds.add(new Hold(row.getString(1), SubjectType.valueOf(row.getString(2)), row.getString(3),
                            LegalHoldBasis.valueOf(row.getString(4)),
                            row.getDate(5) == null ? null : row.getDate(5).toLocalDate(), row.getString(6),
                            row.getTimestamp(7).toInstant(),
                            row.getTimestamp(8) == null ? null : row.getTimestamp(8).toInstant()));
                }
            }
            return holds;
        } catch (SQLException e) {
            throw new IllegalStateException("The legal holds are unavailable", e);
        }
    }
}
