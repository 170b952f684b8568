package uk.schoolsocial.account.application.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApplicationRevisionViewRepository extends CrudRepository<ApplicationRevisionView, String> {

    List<ApplicationRevisionView> findByApplicationIdOrderByRevision(String applicationId);

    /** AUD-4: every revision of an erased application loses its text, as the application does. */
    @Query("""
            UPDATE application_revision_view
            SET aim = NULL, audience = NULL, promotion = NULL, privacy_reason = NULL, closing_reason = NULL
            WHERE school_id = :schoolId AND application_id = :applicationId""")
    void erase(String schoolId, String applicationId);
}
