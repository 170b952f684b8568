package uk.schoolsocial.account.roster.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffMemberViewRepository extends CrudRepository<StaffMemberView, String> {

    List<StaffMemberView> findBySchoolIdAndStaffIdInAndCurrent(String schoolId, Collection<String> staffIds,
                                                               boolean current);

    /** ACC-3: current staff whose normalised full name occurs in the normalised text. */
    @Query("""
            SELECT * FROM staff_member_view
            WHERE school_id = :schoolId AND current = TRUE AND kind = 'STAFF'
              AND LOCATE(normalised_name, :normalisedText) > 0
            ORDER BY staff_id LIMIT 1""")
    List<StaffMemberView> namedIn(String schoolId, String normalisedText);

    /** One page in roster order, keyset-paged on (first_recorded_at, staff_id); null filters match all. */
    @Query("""
            SELECT * FROM staff_member_view
            WHERE school_id = :schoolId
              AND (:kind IS NULL OR kind = :kind)
              AND (:current IS NULL OR current = :current)
              AND (:afterAt IS NULL OR first_recorded_at > :afterAt
                   OR (first_recorded_at = :afterAt AND staff_id > :afterId))
            ORDER BY first_recorded_at, staff_id
            LIMIT :limit""")
    List<StaffMemberView> page(String schoolId, @Nullable String kind, @Nullable Boolean current,
                               @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** AUD-4: an erased member of staff or volunteer leaves the roster. */
    @Query("DELETE FROM staff_member_view WHERE school_id = :schoolId AND staff_id = :staffId")
    void erase(String schoolId, String staffId);

    /** AUD-4, retention: members who left before {@code before}, in every school. */
    @Query("SELECT * FROM staff_member_view WHERE leaving_date IS NOT NULL AND leaving_date < :before")
    List<StaffMemberView> leftBefore(java.time.LocalDate before);
}
