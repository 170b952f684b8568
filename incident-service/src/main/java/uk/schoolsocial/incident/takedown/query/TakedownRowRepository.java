package uk.schoolsocial.incident.takedown.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TakedownRowRepository extends CrudRepository<TakedownRow, String> {

    /**
     * One page of a school's takedown requests, oldest request first, keyset-paged on
     * (requested_at, id). Overdue (INC-5): still REQUESTED and past its due time at {@code now}, or
     * escalation was suggested already (requests made before due times were kept have none).
     */
    @Query("""
            SELECT * FROM incident_takedown
            WHERE school_id = :schoolId
              AND (:state IS NULL OR state = :state)
              AND (:overdue IS NULL OR :overdue = (state = 'REQUESTED'
                   AND ((due_at IS NOT NULL AND due_at <= :now) OR escalation_suggested_at IS NOT NULL)))
              AND (:afterAt IS NULL OR requested_at > :afterAt OR (requested_at = :afterAt AND id > :afterId))
            ORDER BY requested_at, id
            LIMIT :limit""")
    List<TakedownRow> page(String schoolId, @Nullable String state, @Nullable Boolean overdue, Instant now,
                           @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** The takedown requests of a school made in [from, to), for the governors' report's figures. */
    @Query("SELECT * FROM incident_takedown WHERE school_id = :schoolId AND requested_at >= :from AND requested_at < :to")
    List<TakedownRow> requestedBetween(String schoolId, Instant from, Instant to);
}
