package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** The publication register, in consent's own schema. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PublicationViewRepository extends CrudRepository<PublicationView, String> {

    Optional<PublicationView> findByIdAndSchoolId(String id, String schoolId);

    /** CON-5: the school's publications featuring a pupil, newest first. */
    @Query(value = """
            SELECT v.* FROM publication_view v
            JOIN publication_pupil_view p ON p.publication_id = v.id
            WHERE p.school_id = :schoolId AND p.pupil_id = :pupilId
            ORDER BY v.registered_at DESC, v.id DESC LIMIT :limit""", nativeQuery = true)
    List<PublicationView> featuring(String schoolId, String pupilId, int limit);

    /** CON-3: the school's takedowns, open or done, oldest first. */
    @Query(value = """
            SELECT * FROM publication_view
            WHERE school_id = :schoolId AND status IN (:statuses)
            ORDER BY takedown_opened_at, id LIMIT :limit""", nativeQuery = true)
    List<PublicationView> takedowns(String schoolId, List<String> statuses, int limit);

    /** The school's publications, newest first, optionally of one status. */
    @Query(value = """
            SELECT * FROM publication_view
            WHERE school_id = :schoolId AND (:status IS NULL OR status = :status)
            ORDER BY registered_at DESC, id DESC LIMIT :limit""", nativeQuery = true)
    List<PublicationView> recent(String schoolId, @Nullable String status, int limit);
}
