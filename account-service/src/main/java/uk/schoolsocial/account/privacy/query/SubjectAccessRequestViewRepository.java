package uk.schoolsocial.account.privacy.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SubjectAccessRequestViewRepository extends CrudRepository<SubjectAccessRequestView, String> {

    Optional<SubjectAccessRequestView> findByIdAndSchoolId(String id, String schoolId);

    /**
     * One page, newest first, keyset-paged on (recorded_at, id). A null status or overdue matches
     * all; overdue is open (not FULFILLED) with its due date before {@code today}.
     */
    @Query("""
            SELECT * FROM subject_access_request_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:overdue IS NULL OR (status <> 'FULFILLED' AND due_on < :today) = :overdue)
              AND (:afterAt IS NULL OR recorded_at < :afterAt OR (recorded_at = :afterAt AND id < :afterId))
            ORDER BY recorded_at DESC, id DESC
            LIMIT :limit""")
    List<SubjectAccessRequestView> page(String schoolId, @Nullable String status, @Nullable Boolean overdue,
                                        LocalDate today, @Nullable Instant afterAt, @Nullable String afterId,
                                        int limit);

    /**
     * AUD-4: an erased request keeps its ids, subject, dates and statuses; who asked on the subject's
     * behalf and why it was extended are gone.
     */
    @Query("""
            UPDATE subject_access_request_view SET requested_by = NULL, extension_reason = NULL
            WHERE school_id = :schoolId AND id = :id""")
    void erase(String schoolId, String id);
}
