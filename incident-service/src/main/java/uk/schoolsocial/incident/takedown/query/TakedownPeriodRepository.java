package uk.schoolsocial.incident.takedown.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TakedownPeriodRepository extends CrudRepository<TakedownPeriodRow, String> {

    List<TakedownPeriodRow> findBySchoolIdOrderByPlatformKey(String schoolId);
}
