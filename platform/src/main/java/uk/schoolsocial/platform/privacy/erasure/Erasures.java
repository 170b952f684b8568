package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uk.schoolsocial.events.privacy.ErasureGround;
import uk.schoolsocial.events.privacy.SubjectType;

/** The register of erasures of one service (AUD-4), as {@link ErasureProjection} writes it. */
@Singleton
public class Erasures {

    /** One erasure: ids and the ground, never what was erased. */
    public record Erasure(String erasureId, SubjectType subjectType, String subjectId, ErasureGround ground,
                          List<String> erasedRecords, String erasedBy, Instant erasedAt) {
    }

    private static final String COLUMNS = "SELECT erasure_id, subject_type, subject_id, ground, erased_records,"
            + " erased_by, erased_at FROM subject_erasure WHERE school_id = ?";

    private final DataSource pool;

    Erasures(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Optional<Erasure> find(String school, String erasureId) {
        List<Erasure> found = query(COLUMNS + " AND erasure_id = ?", school, erasureId);
        return found.stream().findFirst();
    }

    /** Newest first. */
    public List<Erasure> recent(String school, int limit) {
        return query(COLUMNS + " ORDER BY erased_at DESC, erasure_id DESC LIMIT " + limit, school);
    }

    /** The erasures of one subject, newest first. */
    public List<Erasure> recentOf(String school, SubjectType subjectType, String subjectId, int limit) {
        return query(COLUMNS + " AND subject_type = ? AND subject_id = ? ORDER BY erased_at DESC, erasure_id DESC LIMIT "
                + limit, school, subjectType.name(), subjectId);
    }

    private List<Erasure> query(String sql, String... parameters) {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Erasure> erasures = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String records = row.getString(5);
                    erasures.add(new Erasure(row.getString(1), SubjectType.valueOf(row.getString(2)), row.getString(3),
                            ErasureGround.valueOf(row.getString(4)),
                            records.isEmpty() ? List.of() : Arrays.asList(records.split(",")),
                            row.getString(6), row.getTimestamp(7).toInstant()));
                }
            }
            return erasures;
        } catch (SQLException e) {
            throw new IllegalStateException("The register of erasures is unavailable", e);
        }
    }
}
