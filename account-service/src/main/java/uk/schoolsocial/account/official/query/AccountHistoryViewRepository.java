package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountHistoryViewRepository extends CrudRepository<AccountHistoryView, String> {

    List<AccountHistoryView> findByAccountIdOrderBySequence(String accountId);

    /**
     * AUD-4: the decisions of an erased account lose the reasons and notes they quote (sealed under
     * the account's key), leaving what a rebuild after the erasure writes: nothing for a suspension,
     * reinstatement, closure or rotation of credentials, {@code next review due <day>} for a review
     * (the text after the last {@code "; "}, which the day never holds), {@code to <staff id>} for a
     * reveal (the text before the first {@code ": "}: at worst part of the id, never the reason).
     */
    @Query("""
            UPDATE account_history_view
            SET detail = CASE event_type
                    WHEN 'REVIEWED' THEN SUBSTRING_INDEX(detail, '; ', -1)
                    WHEN 'CREDENTIALS_REVEALED' THEN SUBSTRING_INDEX(detail, ': ', 1)
                    ELSE NULL END
            WHERE school_id = :schoolId AND account_id = :accountId
              AND event_type IN ('SUSPENDED', 'REINSTATED', 'CLOSED', 'CREDENTIALS_ROTATED', 'REVIEWED',
                                 'CREDENTIALS_REVEALED')""")
    void erase(String schoolId, String accountId);
}
