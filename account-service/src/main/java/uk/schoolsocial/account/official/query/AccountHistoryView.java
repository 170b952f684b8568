package uk.schoolsocial.account.official.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One decision on an account: what happened, who did it, why. Keyed {@code <accountId>:<sequence>}. */
@MappedEntity("account_history_view")
public record AccountHistoryView(@Id String id, String accountId, String schoolId, long sequence, String eventType,
                                 @Nullable String actorId, @Nullable String detail, Instant at) {
}
