package uk.schoolsocial.account.official.query;

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
public interface AccountViewRepository extends CrudRepository<AccountView, String> {

    Optional<AccountView> findByIdAndSchoolId(String id, String schoolId);

    List<AccountView> findBySchoolIdAndStatusNotEqual(String schoolId, String status);

    List<AccountView> findBySchoolId(String schoolId);

    /**
     * One page, newest first, keyset-paged on (provisioned_at, id). Null filters match everything;
     * {@code reviewDueBy} finds accounts whose review is due on or before that day (ACC-9).
     */
    @Query("""
            SELECT * FROM account_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:flagged IS NULL OR flagged = :flagged)
              AND (:reviewDueBy IS NULL OR review_due <= :reviewDueBy)
              AND (:afterAt IS NULL OR provisioned_at < :afterAt OR (provisioned_at = :afterAt AND id < :afterId))
            ORDER BY provisioned_at DESC, id DESC
            LIMIT :limit""")
    List<AccountView> page(String schoolId, @Nullable String status, @Nullable Boolean flagged,
                           @Nullable LocalDate reviewDueBy, @Nullable Instant afterAt, @Nullable String afterId,
                           int limit);

    /** AUD-4: an erased account keeps its ids, settings, statuses and times; its status reason is gone. */
    @Query("UPDATE account_view SET status_reason = NULL WHERE school_id = :schoolId AND id = :id")
    void erase(String schoolId, String id);

    /** AUD-4, retention: accounts closed before {@code before}, in every school (ACCOUNT_RECORD runs from it). */
    @Query("SELECT * FROM account_view WHERE closed_at IS NOT NULL AND closed_at < :before")
    List<AccountView> closedBefore(Instant before);
}
