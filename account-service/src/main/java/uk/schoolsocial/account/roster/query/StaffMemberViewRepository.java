package uk.schoolsocial.account.roster.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffMemberViewRepository extends CrudRepository<StaffMemberView, String> {

    /**
     * ACC-1, ACC-7: those among {@code staffIds} who are current on {@code today} (the school's date):
     * no leaving date, or one not yet ended.
     */
    @Query("""
            SELECT * FROM staff_member_view
            WHERE school_id = :schoolId AND staff_id IN (:staffIds)
              AND (leaving_date IS NULL OR leaving_date >= :today)""")
    List<StaffMemberView> currentAmong(String schoolId, Collection<String> staffIds, LocalDate today);

    /**
     * ACC-3, ACC-7: the school's staff current on {@code today}, whose full names and surnames a
     * proposed account name may not contain ({@code NameClashes} decides, as it matches surnames by
     * words, not by substring).
     */
    @Query("""
            SELECT * FROM staff_member_view
            WHERE school_id = :schoolId AND kind = 'STAFF'
              AND (leaving_date IS NULL OR leaving_date >= :today)
            ORDER BY staff_id""")
    List<StaffMemberView> currentStaff(String schoolId, LocalDate today);

    /**
     * One page in roster order, keyset-paged on (first_recorded_at, staff_id); null filters match all.
     * {@code current}: whether they are current on {@code today} (ACC-7).
     */
    @Query("""
            SELECT * FROM staff_member_view
            WHERE school_id = :schoolId
              AND (:kind IS NULL OR kind = :kind)
              AND (:current IS NULL OR (leaving_date IS NULL OR leaving_date >= :today) = :current)
              AND (:afterAt IS NULL OR first_recorded_at > :afterAt
                   OR (first_recorded_at = :afterAt AND staff_id > :afterId))
            ORDER BY first_recorded_at, staff_id
            LIMIT :limit""")
    List<StaffMemberView> page(String schoolId, @Nullable String kind, @Nullable Boolean current, LocalDate today,
                               @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** AUD-4: an erased member of staff or volunteer leaves the roster. */
    @Query("DELETE FROM staff_member_view WHERE school_id = :schoolId AND staff_id = :staffId")
    void erase(String schoolId, String staffId);

    /** AUD-4, retention: members who left before {@code before}, in every school. */
    @Query("SELECT * FROM staff_member_view WHERE leaving_date IS NOT NULL AND leaving_date < :before")
    List<StaffMemberView> leftBefore(LocalDate before);
}
