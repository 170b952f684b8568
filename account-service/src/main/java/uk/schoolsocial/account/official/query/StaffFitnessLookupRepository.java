package uk.schoolsocial.account.official.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffFitnessLookupRepository extends CrudRepository<StaffFitnessLookup, String> {

    List<StaffFitnessLookup> findByIdIn(Collection<String> ids);
}
