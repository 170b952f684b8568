package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The consents the publications processor has seen withdrawn and not given again. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface WithdrawnConsentRepository extends CrudRepository<WithdrawnConsent, String> {
}
