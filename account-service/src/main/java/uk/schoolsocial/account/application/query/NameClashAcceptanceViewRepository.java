package uk.schoolsocial.account.application.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface NameClashAcceptanceViewRepository extends CrudRepository<NameClashAcceptanceView, String> {

    /** ACC-3: the accepted clashes of the applications on one page, in the order they were accepted. */
    List<NameClashAcceptanceView> findByApplicationIdInOrderByAcceptedAt(Collection<String> applicationIds);

    /** AUD-4: an erased application's accepted clashes keep their word, who and when, not the reason. */
    @Query("""
            UPDATE application_name_clash_view SET reason = NULL
            WHERE school_id = :schoolId AND application_id = :applicationId""")
    void erase(String schoolId, String applicationId);
}
