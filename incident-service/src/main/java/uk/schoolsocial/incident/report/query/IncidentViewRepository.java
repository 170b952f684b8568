package uk.schoolsocial.incident.report.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IncidentViewRepository extends CrudRepository<IncidentView, String> {

    Optional<IncidentView> findByIdAndSchoolId(String id, String schoolId);

    /**
     * One page, newest report first, keyset-paged on (reported_at, id). Null filters match
     * everything: {@code reporterId} confines a reporter to their own reports (INC-7).
     */
    @Query("""
            SELECT * FROM incident_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:category IS NULL OR category = :category)
              AND (:reporterId IS NULL OR reporter_id = :reporterId)
              AND (:afterAt IS NULL OR reported_at < :afterAt OR (reported_at = :afterAt AND id < :afterId))
            ORDER BY reported_at DESC, id DESC
            LIMIT :limit""")
    List<IncidentView> page(String schoolId, @Nullable String status, @Nullable String category,
                            @Nullable String reporterId, @Nullable Instant afterAt, @Nullable String afterId, int limit);
}
