package uk.schoolsocial.consent.officialaccount.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Provisioned official accounts, in consent's own schema. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OfficialLiveAccountViewRepository extends CrudRepository<OfficialLiveAccountView, String> {

    Optional<OfficialLiveAccountView> findByIdAndSchoolId(String id, String schoolId);
}
