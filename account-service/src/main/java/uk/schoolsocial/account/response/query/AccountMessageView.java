package uk.schoolsocial.account.response.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * ACC-8: one logged comment, query or complaint and its answer. {@code version} is the message's, the ETag.
 * Its summary and answer are null once the message is erased (AUD-4, {@link MessageErasureScope}).
 */
@MappedEntity("account_message_view")
public record AccountMessageView(@Id String id, String accountId, String schoolId, long version, String type,
                                 String channel, @Nullable String summary, Instant receivedAt, String loggedBy,
                                 Instant loggedAt, Instant dueAt, @Nullable Instant answeredAt,
                                 @Nullable String answeredBy, @Nullable String answer) implements VersionedRow {

    /** ACC-8: answered after its due time, or still open past it at {@code now} (as the repository's queries). */
    public boolean breached(Instant now) {
        return answeredAt != null ? answeredAt.isAfter(dueAt) : now.isAfter(dueAt);
    }

    /** ACC-8: the breach was recorded (an event of the message, so its version moves on). */
    AccountMessageView at(long newVersion) {
        return new AccountMessageView(id, accountId, schoolId, newVersion, type, channel, summary, receivedAt, loggedBy,
                loggedAt, dueAt, answeredAt, answeredBy, answer);
    }

    AccountMessageView answered(long newVersion, String by, Instant at, @Nullable String reply) {
        return new AccountMessageView(id, accountId, schoolId, newVersion, type, channel, summary, receivedAt, loggedBy,
                loggedAt, dueAt, at, by, reply);
    }
}
