package uk.schoolsocial.consent.consent.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Parental links from the roster. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PupilParentViewRepository extends CrudRepository<PupilParentView, String> {

    @Query("DELETE FROM pupil_parent_view WHERE school_id = :schoolId AND pupil_id = :pupilId")
    void deleteLinks(String schoolId, String pupilId);

    /** CON-1: whether the roster links this adult to this pupil with parental responsibility. */
    @Query("""
            SELECT COUNT(*) > 0 FROM pupil_parent_view
            WHERE school_id = :schoolId AND adult_id = :adultId AND pupil_id = :pupilId""")
    boolean isLinked(String schoolId, String adultId, String pupilId);
}
