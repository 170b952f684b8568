package uk.schoolsocial.account.declaration.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DeclarationViewRepository extends CrudRepository<DeclarationView, String> {

    Optional<DeclarationView> findByIdAndSchoolId(String id, String schoolId);

    /** One page, newest first, keyset-paged on (declared_at, id); a null status matches all. */
    @Query("""
            SELECT * FROM declaration_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:afterAt IS NULL OR declared_at < :afterAt OR (declared_at = :afterAt AND id < :afterId))
            ORDER BY declared_at DESC, id DESC
            LIMIT :limit""")
    List<DeclarationView> page(String schoolId, @Nullable String status, @Nullable Instant afterAt,
                               @Nullable String afterId, int limit);

    /** AUD-4: the declarations a member of staff made. */
    @Query("SELECT id FROM declaration_view WHERE school_id = :schoolId AND staff_id = :staffId")
    List<String> idsDeclaredBy(String schoolId, String staffId);

    /** AUD-4: an erased declaration leaves the read model. */
    @Query("DELETE FROM declaration_view WHERE school_id = :schoolId AND id = :id")
    void erase(String schoolId, String id);

    /**
     * AUD-4, retention: the declarations of members of staff who left before {@code before}, in every
     * school, with the day they left (the DECLARATION period runs from it).
     */
    @Query(value = """
            SELECT d.id AS id, d.school_id AS school_id, s.leaving_date AS left_on
            FROM declaration_view d JOIN staff_member_view s ON s.school_id = d.school_id AND s.staff_id = d.staff_id
            WHERE s.leaving_date IS NOT NULL AND s.leaving_date < :before""", nativeQuery = true)
    List<DeclarationOfLeaver> ofLeaversBefore(java.time.LocalDate before);
}
