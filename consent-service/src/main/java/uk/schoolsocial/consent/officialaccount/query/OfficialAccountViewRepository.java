package uk.schoolsocial.consent.officialaccount.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** Official accounts as learnt from account-service, kept in consent's own schema (the default datasource). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OfficialAccountViewRepository extends CrudRepository<OfficialAccountView, String> {

    /** One page of a school's accounts, newest first, keyset-paged on (submitted_at, id). */
    @Query("""
            SELECT * FROM official_account_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:afterAt IS NULL OR submitted_at < :afterAt OR (submitted_at = :afterAt AND id < :afterId))
            ORDER BY submitted_at DESC, id DESC
            LIMIT :limit""")
    List<OfficialAccountView> page(String schoolId, @Nullable String status, @Nullable Instant afterAt,
                                   @Nullable String afterId, int limit);
}
