package uk.schoolsocial.incident.oversight.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface NotificationRepository extends CrudRepository<Notification, String> {

    /** The newest notifications of a school for the given roles. */
    @Query("""
            SELECT * FROM incident_notification
            WHERE school_id = :schoolId AND recipient_role IN (:roles)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Notification> latest(String schoolId, Collection<String> roles, int limit);
}
