package uk.schoolsocial.incident.evidence.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EvidenceContentRepository extends CrudRepository<EvidenceContent, String> {

    Optional<EvidenceContent> findByIdAndIncidentIdAndSchoolId(String id, String incidentId, String schoolId);
}
