package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import uk.schoolsocial.consent.consent.query.PupilView;

/** Two of the three indexed reads of the publication check (CON-4) from the read model: no round trip per pupil. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PublicationCheckRepository extends GenericRepository<PupilView, String> {

    /** The featured pupils with their consent on one channel: the roster's unique key, then the consent's primary key. */
    @Query(value = """
            SELECT p.pupil_id, p.date_of_birth, p.left_on, p.objected_at,
                   c.given_on, c.valid_until, c.withdrawn_at
            FROM pupil_view p
            LEFT JOIN channel_consent_view c ON c.id = CONCAT(p.id, '/', :channel)
            WHERE p.school_id = :schoolId AND p.pupil_id IN (:pupilIds)""", nativeQuery = true)
    List<CheckedPupil> featured(String schoolId, String channel, Collection<String> pupilIds);

    /** Pupils of the school whose given or family name is one of {@code phrases} (folded by NameKey). */
    @Query(value = """
            SELECT pupil_id, given_name_key, family_name_key FROM pupil_view
            WHERE school_id = :schoolId AND given_name_key IN (:phrases)
            UNION
            SELECT pupil_id, given_name_key, family_name_key FROM pupil_view
            WHERE school_id = :schoolId AND family_name_key IN (:phrases)""", nativeQuery = true)
    List<NamedPupil> named(String schoolId, Collection<String> phrases);
}
