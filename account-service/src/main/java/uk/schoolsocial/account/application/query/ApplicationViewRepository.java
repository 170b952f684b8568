package uk.schoolsocial.account.application.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApplicationViewRepository extends CrudRepository<ApplicationView, String> {

    Optional<ApplicationView> findByIdAndSchoolId(String id, String schoolId);

    /**
     * One page, newest first, keyset-paged on (submitted_at, id). Null filters match everything:
     * {@code applicantId} confines staff to their own applications.
     */
    @Query("""
            SELECT * FROM application_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:applicantId IS NULL OR applicant_id = :applicantId)
              AND (:afterAt IS NULL OR submitted_at < :afterAt OR (submitted_at = :afterAt AND id < :afterId))
            ORDER BY submitted_at DESC, id DESC
            LIMIT :limit""")
    List<ApplicationView> page(String schoolId, @Nullable String status, @Nullable String applicantId,
                               @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /**
     * AUD-4: an erased application keeps its ids, statuses and times; its text, sealed under the
     * application's key, is gone.
     */
    @Query("""
            UPDATE application_view
            SET aim = NULL, audience = NULL, promotion = NULL, privacy_reason = NULL, withdrawal_reason = NULL,
                decision_reason = NULL
            WHERE school_id = :schoolId AND id = :id""")
    void erase(String schoolId, String id);
}
