package uk.schoolsocial.account.official.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface HandoverViewRepository extends CrudRepository<HandoverView, String> {

    Optional<HandoverView> findByIdAndSchoolId(String id, String schoolId);

    /** One page, newest first, keyset-paged on (opened_at, id); null filters match everything. */
    @Query("""
            SELECT * FROM handover_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:accountId IS NULL OR account_id = :accountId)
              AND (:afterAt IS NULL OR opened_at < :afterAt OR (opened_at = :afterAt AND id < :afterId))
            ORDER BY opened_at DESC, id DESC
            LIMIT :limit""")
    List<HandoverView> page(String schoolId, @Nullable String status, @Nullable String accountId,
                            @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** ACC-7: a school's handovers still open (OPEN or ESCALATED). */
    @Query("SELECT * FROM handover_view WHERE school_id = :schoolId AND status IN ('OPEN', 'ESCALATED')")
    List<HandoverView> open(String schoolId);
}
