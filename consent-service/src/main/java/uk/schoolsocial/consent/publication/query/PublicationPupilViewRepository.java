package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

/** Pupils featured in publications. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PublicationPupilViewRepository extends CrudRepository<PublicationPupilView, String> {

    List<PublicationPupilView> findByPublicationIdIn(Collection<String> publicationIds);

    List<PublicationPupilView> findBySchoolIdAndPupilIdAndChannel(String schoolId, String pupilId, String channel);

    /** AUD-4: every publication featuring the pupil, on any channel. */
    List<PublicationPupilView> findBySchoolIdAndPupilId(String schoolId, String pupilId);
}
