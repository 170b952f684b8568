package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The objections and leavers the publications processor has seen (CON-2, CON-6). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PupilRestrictionRepository extends CrudRepository<PupilRestriction, String> {

    default boolean holds(String schoolId, String pupilId, String kind) {
        return existsById(PupilRestriction.idOf(schoolId, pupilId, kind));
    }
}
