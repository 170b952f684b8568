package uk.schoolsocial.incident.casefile.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IncidentViewRepository extends CrudRepository<IncidentView, String> {

    Optional<IncidentView> findByIdAndSchoolId(String id, String schoolId);

    List<IncidentView> findByIdIn(Collection<String> ids);

    /**
     * One page, newest report first, keyset-paged on (reported_at, id). Null filters match
     * everything: {@code reporterId} confines a reporter to their own reports (INC-7).
     */
    @Query("""
            SELECT * FROM incident_view
            WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:category IS NULL OR category = :category)
              AND (:assignedRole IS NULL OR assigned_role = :assignedRole)
              AND (:ownerId IS NULL OR owner_id = :ownerId)
              AND (:overdue IS NULL OR assessment_overdue = :overdue)
              AND (:reporterId IS NULL OR reporter_id = :reporterId)
              AND (:afterAt IS NULL OR reported_at < :afterAt OR (reported_at = :afterAt AND id < :afterId))
            ORDER BY reported_at DESC, id DESC
            LIMIT :limit""")
    List<IncidentView> page(String schoolId, @Nullable String status, @Nullable String category,
                            @Nullable String assignedRole, @Nullable String ownerId, @Nullable Boolean overdue,
                            @Nullable String reporterId,
                            @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** The open incidents a member of staff owns in a school: to reassign when they leave. */
    @Query("SELECT id FROM incident_view WHERE school_id = :schoolId AND owner_id = :ownerId AND status <> 'CLOSED'")
    List<String> openOwnedBy(String schoolId, String ownerId);

    /** AUD-4: the incidents of a school in which someone with this role and roster id is involved. */
    @Query(value = """
            SELECT * FROM incident_view WHERE school_id = :schoolId
              AND JSON_CONTAINS(people_involved, JSON_OBJECT('role', :role, 'rosterId', :rosterId))""",
            nativeQuery = true)
    List<IncidentView> involving(String schoolId, String role, String rosterId);

    /** AUD-4, retention: incidents closed before {@code before}, in every school. */
    @Query("SELECT * FROM incident_view WHERE status = 'CLOSED' AND status_changed_at < :before")
    List<IncidentView> closedBefore(Instant before);

    /** AUD-4: the history's words that quote an erased incident's text. */
    @Query("""
            UPDATE incident_history SET why = NULL,
              what = CASE
                WHEN what LIKE 'Closed with outcome:%' THEN 'Closed with outcome: (erased); actions taken: (erased)'
                WHEN what LIKE 'Asked the platform %' AND LOCATE(' to remove the post', what) > 0
                  THEN CONCAT('Asked the platform (erased)', SUBSTRING(what, LOCATE(' to remove the post', what)))
                WHEN what LIKE 'Asked the person %' AND LOCATE(' to remove the post', what) > 0
                  THEN CONCAT('Asked the person (erased)', SUBSTRING(what, LOCATE(' to remove the post', what)))
                ELSE what END
            WHERE incident_id = :incidentId AND school_id = :schoolId""")
    void eraseHistory(String incidentId, String schoolId);

    /** AUD-4: an erased incident's evidence bytes. */
    @Query("DELETE FROM incident_evidence WHERE incident_id = :incidentId AND school_id = :schoolId")
    void eraseEvidence(String incidentId, String schoolId);

    /** Counts by month (UTC) and category of the incidents reported in [from, to): no case detail at all. */
    @Query("""
            SELECT DATE_FORMAT(reported_at, '%Y-%m') AS month, category, COUNT(*) AS incidents
            FROM incident_view
            WHERE school_id = :schoolId AND reported_at >= :from AND reported_at < :to
            GROUP BY DATE_FORMAT(reported_at, '%Y-%m'), category
            ORDER BY month, category""")
    List<MonthlyCount> countByMonthAndCategory(String schoolId, Instant from, Instant to);

    /** The incidents of a school reported in [from, to), for the governors' report's figures. */
    @Query("SELECT * FROM incident_view WHERE school_id = :schoolId AND reported_at >= :from AND reported_at < :to")
    List<IncidentView> reportedBetween(String schoolId, Instant from, Instant to);

    /** The open incidents of a school, whenever reported. */
    @Query("SELECT * FROM incident_view WHERE school_id = :schoolId AND status <> 'CLOSED'")
    List<IncidentView> open(String schoolId);
}
