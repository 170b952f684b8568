package uk.schoolsocial.account.response.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ACC-8 reads. A breach is a message answered after its due time, or still open past it at
 * {@code now} (as {@link AccountMessageView#breached}); both lists are newest received first,
 * keyset-paged on (received_at, id).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountMessageViewRepository extends CrudRepository<AccountMessageView, String> {

    Optional<AccountMessageView> findByIdAndAccountIdAndSchoolId(String id, String accountId, String schoolId);

    /** One account's messages; {@code status} OPEN, ANSWERED, BREACHED, or null for all. */
    @Query("""
            SELECT * FROM account_message_view
            WHERE school_id = :schoolId AND account_id = :accountId
              AND (:status IS NULL
                   OR (:status = 'OPEN' AND answered_at IS NULL)
                   OR (:status = 'ANSWERED' AND answered_at IS NOT NULL)
                   OR (:status = 'BREACHED' AND (answered_at > due_at OR (answered_at IS NULL AND due_at < :now))))
              AND (:afterAt IS NULL OR received_at < :afterAt OR (received_at = :afterAt AND id < :afterId))
            ORDER BY received_at DESC, id DESC
            LIMIT :limit""")
    List<AccountMessageView> page(String schoolId, String accountId, @Nullable String status, Instant now,
                                  @Nullable Instant afterAt, @Nullable String afterId, int limit);

    /** The school's breaches across its accounts. */
    @Query("""
            SELECT * FROM account_message_view
            WHERE school_id = :schoolId
              AND (answered_at > due_at OR (answered_at IS NULL AND due_at < :now))
              AND (:afterAt IS NULL OR received_at < :afterAt OR (received_at = :afterAt AND id < :afterId))
            ORDER BY received_at DESC, id DESC
            LIMIT :limit""")
    List<AccountMessageView> breaches(String schoolId, Instant now, @Nullable Instant afterAt,
                                      @Nullable String afterId, int limit);

    /** AUD-4: an erased message keeps its ids, type, channel and times; its summary and answer are gone. */
    @Query("UPDATE account_message_view SET summary = NULL, answer = NULL WHERE school_id = :schoolId AND id = :id")
    void erase(String schoolId, String id);

    /**
     * AUD-4, retention: messages answered before {@code before}, in every school (ACCOUNT_CORRESPONDENCE
     * runs from the answer).
     */
    @Query("SELECT * FROM account_message_view WHERE answered_at IS NOT NULL AND answered_at < :before")
    List<AccountMessageView> answeredBefore(Instant before);

    /** ACC-8: the messages a school's accounts received in [from, to), for the governors' report. */
    @Query("SELECT * FROM account_message_view WHERE school_id = :schoolId AND received_at >= :from AND received_at < :to")
    List<AccountMessageView> receivedBetween(String schoolId, Instant from, Instant to);
}
