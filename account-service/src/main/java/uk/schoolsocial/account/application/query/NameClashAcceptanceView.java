package uk.schoolsocial.account.application.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * ACC-3: a surname clash of an application's name that SLT accepted, at which revision, by whom
 * and why. Keyed {@code <applicationId>:<event sequence number>}. The reason is null once the
 * application is erased (AUD-4, {@link ApplicationErasureScope}).
 */
@MappedEntity("application_name_clash_view")
public record NameClashAcceptanceView(
        @Id String id,
        String applicationId,
        String schoolId,
        int revision,
        String word,
        @Nullable String reason,
        String acceptedBy,
        Instant acceptedAt) {

    static String key(String applicationId, long sequence) {
        return applicationId + ":" + sequence;
    }
}
