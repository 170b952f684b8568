package uk.schoolsocial.account.official.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PolicyVersionViewRepository extends CrudRepository<PolicyVersionView, String> {

    /** ACC-5: the school's newest published version, if it published any. */
    Optional<PolicyVersionView> findFirstBySchoolIdOrderByVersionDesc(String schoolId);
}
