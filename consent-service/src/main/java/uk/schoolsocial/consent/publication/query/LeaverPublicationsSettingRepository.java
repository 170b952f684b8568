package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import uk.schoolsocial.consent.publication.command.LeaverPublicationsSettings;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.LeaverPublications;

/** CON-6: the schools' choices for leavers' publications, per channel. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeaverPublicationsSettingRepository extends CrudRepository<LeaverPublicationsSetting, String> {

    List<LeaverPublicationsSetting> findBySchoolId(String schoolId);

    default Optional<LeaverPublicationsSetting> find(String schoolId, ConsentChannel channel) {
        return findById(LeaverPublicationsSetting.idOf(schoolId, channel.name()));
    }

    /** The school's choice for the channel, or the default while it has chosen none. */
    default LeaverPublications choice(String schoolId, ConsentChannel channel) {
        return find(schoolId, channel).map(setting -> LeaverPublications.valueOf(setting.choice()))
                .orElse(LeaverPublicationsSettings.DEFAULT);
    }
}
