package uk.schoolsocial.account.application.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApplicationRevisionViewRepository extends CrudRepository<ApplicationRevisionView, String> {

    List<ApplicationRevisionView> findByApplicationIdOrderByRevision(String applicationId);
}
