package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.RetentionPeriodSetEvent;

/**
 * The schools' retention periods (AUD-4), written in the transaction of {@link RetentionPeriodSetEvent}
 * (a subscribing processor, so a setting is in force when its request answers), and what the
 * retention schedule last did for each school.
 */
@Singleton
@ProcessingGroup(RetentionPeriods.GROUP)
public class RetentionPeriods {

    public static final String GROUP = "privacy-retention";

    /** What the schedule last did for a school. */
    public record LastRun(Instant ranAt, int erased, List<String> held) {
    }

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;

    RetentionPeriods(DataSource dataSource, TransactionOperations<Connection> transactions) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
    }

    @EventHandler
    void on(RetentionPeriodSetEvent event) throws SQLException {
        try (PreparedStatement upsert = transactions.getConnection().prepareStatement("INSERT INTO retention_period"
                + " (school_id, retention_class, period, set_by, set_at) VALUES (?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE period = VALUES(period), set_by = VALUES(set_by), set_at = VALUES(set_at)")) {
            upsert.setString(1, event.schoolId());
            upsert.setString(2, event.retentionClass().name());
            upsert.setString(3, event.period().toString());
            upsert.setString(4, event.setBy());
            upsert.setTimestamp(5, Timestamp.from(event.setAt()));
            upsert.executeUpdate();
        }
    }

    /** The school's period for each class: its own where it set one, the suite's default otherwise. */
    public Map<RetentionClass, Period> of(String school) {
        Map<RetentionClass, Period> periods = new EnumMap<>(RetentionClass.class);
        for (RetentionClass retention : RetentionClass.values()) {
            periods.put(retention, retention.defaultPeriod());
        }
        query("SELECT retention_class, period FROM retention_period WHERE school_id = ?", school,
                row -> periods.put(RetentionClass.valueOf(row.getString(1)), Period.parse(row.getString(2))));
        return periods;
    }

    /** Every school's own period for {@code retention}, by school. */
    Map<String, Period> overrides(RetentionClass retention) {
        Map<String, Period> periods = new HashMap<>();
        query("SELECT school_id, period FROM retention_period WHERE retention_class = ?", retention.name(),
                row -> periods.put(row.getString(1), Period.parse(row.getString(2))));
        return periods;
    }

    public java.util.Optional<LastRun> lastRun(String school) {
        LastRun[] found = new LastRun[1];
        query("SELECT ran_at, erased, held FROM retention_run WHERE school_id = ?", school, row -> found[0] =
                new LastRun(row.getTimestamp(1).toInstant(), row.getInt(2),
                        row.getString(3).isEmpty() ? List.of() : List.of(row.getString(3).split("\n"))));
        return java.util.Optional.ofNullable(found[0]);
    }

    void recordRun(String school, Instant ranAt, int erased, List<String> held) {
        try (Connection connection = pool.getConnection(); PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO retention_run (school_id, ran_at, erased, held) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE ran_at = VALUES(ran_at), erased = VALUES(erased), held = VALUES(held)")) {
            upsert.setString(1, school);
            upsert.setTimestamp(2, Timestamp.from(ranAt));
            upsert.setInt(3, erased);
            upsert.setString(4, String.join("\n", held));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the retention run", e);
        }
    }

    /** Whether the register already has an erasure of this subject. */
    boolean erased(String school, SubjectRef subject) {
        boolean[] found = new boolean[1];
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM subject_erasure WHERE school_id = ? AND subject_type = ? AND subject_id = ? LIMIT 1")) {
            select.setString(1, school);
            select.setString(2, subject.type().name());
            select.setString(3, subject.id());
            try (ResultSet row = select.executeQuery()) {
                found[0] = row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The register of erasures is unavailable", e);
        }
        if (found[0]) {
            return true;
        }
        // or erased as a record of another subject
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM subject_erasure WHERE school_id = ? AND FIND_IN_SET(?, erased_records) > 0 LIMIT 1")) {
            select.setString(1, school);
            select.setString(2, subject.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The register of erasures is unavailable", e);
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, String parameter, RowReader reader) {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The retention periods are unavailable", e);
        }
    }
}
