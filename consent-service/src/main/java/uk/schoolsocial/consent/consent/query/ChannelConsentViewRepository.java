package uk.schoolsocial.consent.consent.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** The consent that stands per pupil and channel, in consent's own schema (the default datasource). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChannelConsentViewRepository extends CrudRepository<ChannelConsentView, String> {

    List<ChannelConsentView> findBySchoolIdAndPupilId(String schoolId, String pupilId);
}
