package uk.schoolsocial.account.official.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountAdministratorLookupRepository extends CrudRepository<AccountAdministratorLookup, String> {

    List<AccountAdministratorLookup> findBySchoolIdAndClosed(String schoolId, boolean closed);
}
