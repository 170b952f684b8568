package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The publication register, in consent's own schema. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PublicationViewRepository extends CrudRepository<PublicationView, String> {

    Optional<PublicationView> findByIdAndSchoolId(String id, String schoolId);

    /** CON-5: the school's publications featuring a pupil, newest first, after a cursor's sort key. */
    @Query(value = """
            SELECT v.* FROM publication_view v
            JOIN publication_pupil_view p ON p.publication_id = v.id
            WHERE p.school_id = :schoolId AND p.pupil_id = :pupilId
              AND (:beforeAt IS NULL OR v.registered_at < :beforeAt
                   OR (v.registered_at = :beforeAt AND v.id < :beforeId))
            ORDER BY v.registered_at DESC, v.id DESC LIMIT :limit""", nativeQuery = true)
    List<PublicationView> featuring(String schoolId, String pupilId, @Nullable Instant beforeAt,
                                    @Nullable String beforeId, int limit);

    /** CON-2, CON-3, CON-6: the school's takedowns, open or done, oldest first, after a cursor's sort key. */
    @Query(value = """
            SELECT * FROM publication_view
            WHERE school_id = :schoolId AND status IN (:statuses)
              AND (:afterAt IS NULL OR takedown_opened_at > :afterAt
                   OR (takedown_opened_at = :afterAt AND id > :afterId))
            ORDER BY takedown_opened_at, id LIMIT :limit""", nativeQuery = true)
    List<PublicationView> takedowns(String schoolId, List<String> statuses, @Nullable Instant afterAt,
                                    @Nullable String afterId, int limit);

    /**
     * CON-6: the school's reviews of leavers' publications, open or done, oldest first, after a cursor's sort
     * key. A publication taken down meanwhile (another pupil's takedown) has nothing left to review.
     */
    @Query(value = """
            SELECT * FROM publication_view
            WHERE school_id = :schoolId AND review_status = :reviewStatus
              AND (:reviewStatus <> 'OPEN' OR status <> 'TAKEN_DOWN')
              AND (:afterAt IS NULL OR review_opened_at > :afterAt
                   OR (review_opened_at = :afterAt AND id > :afterId))
            ORDER BY review_opened_at, id LIMIT :limit""", nativeQuery = true)
    List<PublicationView> reviews(String schoolId, String reviewStatus, @Nullable Instant afterAt,
                                  @Nullable String afterId, int limit);

    /** CON-5: the school's publications, newest first, after a cursor's sort key. */
    @Query(value = """
            SELECT * FROM publication_view
            WHERE school_id = :schoolId
              AND (:beforeAt IS NULL OR registered_at < :beforeAt
                   OR (registered_at = :beforeAt AND id < :beforeId))
            ORDER BY registered_at DESC, id DESC LIMIT :limit""", nativeQuery = true)
    List<PublicationView> recent(String schoolId, @Nullable Instant beforeAt, @Nullable String beforeId, int limit);

    /** CON-5: how many publications a school registered in [from, to). */
    @Query("SELECT COUNT(*) FROM publication_view WHERE school_id = :schoolId AND registered_at >= :from AND registered_at < :to")
    long countRegisteredBetween(String schoolId, Instant from, Instant to);

    /** CON-3, CON-2, CON-6: how many of a school's publications were taken down in [from, to). */
    @Query("SELECT COUNT(*) FROM publication_view WHERE school_id = :schoolId AND taken_down_at >= :from AND taken_down_at < :to")
    long countTakenDownBetween(String schoolId, Instant from, Instant to);
}
