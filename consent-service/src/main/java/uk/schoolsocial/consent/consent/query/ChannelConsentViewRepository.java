package uk.schoolsocial.consent.consent.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** The consent that stands per pupil and channel, in consent's own schema (the default datasource). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChannelConsentViewRepository extends CrudRepository<ChannelConsentView, String> {

    List<ChannelConsentView> findBySchoolIdAndPupilId(String schoolId, String pupilId);

    /** The consent sheet's consents: every channel row of one year group, in one query. */
    @Query(value = """
            SELECT c.* FROM channel_consent_view c
            JOIN pupil_view p ON p.id = c.pupil_consent_id
            WHERE p.school_id = :schoolId AND p.year_group = :yearGroup""", nativeQuery = true)
    List<ChannelConsentView> ofYearGroup(String schoolId, String yearGroup);

    /** AUD-4: the paper form's reference is personal data of the pupil's record. */
    @Query("UPDATE channel_consent_view SET form_reference = NULL WHERE school_id = :schoolId AND pupil_id = :pupilId")
    void eraseFormReferences(String schoolId, String pupilId);

    /**
     * AUD-4: erasing an adult with parental responsibility clears the references of the paper forms they
     * signed (a form's reference may carry their name); the consent itself stays, as ids and dates.
     */
    @Query("UPDATE channel_consent_view SET form_reference = NULL WHERE school_id = :schoolId AND given_by = :adultId")
    void eraseFormReferencesGivenBy(String schoolId, String adultId);

    List<ChannelConsentView> findBySchoolId(String schoolId);

}
