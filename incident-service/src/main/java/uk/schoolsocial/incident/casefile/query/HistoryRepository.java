package uk.schoolsocial.incident.casefile.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface HistoryRepository extends CrudRepository<HistoryEntry, String> {

    /** The whole case in the order it happened. */
    List<HistoryEntry> findByIncidentIdAndSchoolIdOrderBySeq(String incidentId, String schoolId);
}
