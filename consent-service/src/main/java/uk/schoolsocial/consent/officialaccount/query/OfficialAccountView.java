package uk.schoolsocial.consent.officialaccount.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * An official account (or the application for one) as account-service's events describe it.
 * {@code version} is the upstream aggregate's sequence number, so a redelivered event is seen as old.
 */
@MappedEntity("official_account_view")
public record OfficialAccountView(
        @Id String id,
        String schoolId,
        String status,
        long version,
        String platform,
        String name,
        @Nullable String handle,
        Instant submittedAt,
        @Nullable Instant withdrawnAt) implements VersionedRow {

    static final String SUBMITTED = "SUBMITTED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    OfficialAccountView decided(String newStatus, long newVersion) {
        return new OfficialAccountView(id, schoolId, newStatus, newVersion, platform, name, handle, submittedAt,
                withdrawnAt);
    }

    OfficialAccountView withdrawn(long newVersion, Instant at) {
        return new OfficialAccountView(id, schoolId, WITHDRAWN, newVersion, platform, name, handle, submittedAt, at);
    }
}
