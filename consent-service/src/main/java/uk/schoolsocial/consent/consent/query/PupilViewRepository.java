package uk.schoolsocial.consent.consent.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** The roster, in consent's own schema. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PupilViewRepository extends CrudRepository<PupilView, String> {

    Optional<PupilView> findBySchoolIdAndPupilId(String schoolId, String pupilId);

    /** The consent sheet's pupils: one year group, by family then given name. */
    @Query("""
            SELECT * FROM pupil_view WHERE school_id = :schoolId AND year_group = :yearGroup
            ORDER BY family_name_key, given_name_key, pupil_id""")
    List<PupilView> ofYearGroup(String schoolId, String yearGroup);

    /** AUD-4: an erased pupil is no longer on the roster. */
    @Query("DELETE FROM pupil_view WHERE school_id = :schoolId AND pupil_id = :pupilId")
    void erase(String schoolId, String pupilId);

    /** AUD-4, retention: pupils who left before {@code before}, in every school. */
    @Query("SELECT * FROM pupil_view WHERE left_on IS NOT NULL AND left_on < :before")
    List<PupilView> leftBefore(java.time.LocalDate before);

    List<PupilView> findBySchoolId(String schoolId);
}
