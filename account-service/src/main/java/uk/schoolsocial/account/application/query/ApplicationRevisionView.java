package uk.schoolsocial.account.application.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;

/**
 * ACC-2: one revision of an application as submitted and how it ended (withdrawn, approved or
 * rejected, by whom and why). Keyed {@code <applicationId>:<revision>}. Its text is null once the
 * application is erased (AUD-4, {@link ApplicationErasureScope}).
 */
@MappedEntity("application_revision_view")
public record ApplicationRevisionView(
        @Id String id,
        String applicationId,
        String schoolId,
        int revision,
        String status,
        String platform,
        String proposedName,
        @Nullable String proposedHandle,
        @Nullable String aim,
        @Nullable String audience,
        @Nullable String promotion,
        @TypeDef(type = DataType.JSON) List<String> administrators,
        String privacy,
        @Nullable String privacyReason,
        Instant submittedAt,
        @Nullable String closedBy,
        @Nullable String closingReason,
        @Nullable Instant closedAt) {

    static String key(String applicationId, int revision) {
        return applicationId + ":" + revision;
    }

    static ApplicationRevisionView of(ApplicationSubmittedEvent e) {
        return new ApplicationRevisionView(key(e.applicationId(), e.revision()), e.applicationId(), e.schoolId(),
                e.revision(), "SUBMITTED", e.platform().name(), e.proposedName(), e.proposedHandle(), e.aim(),
                e.audience(), e.promotion(), e.administrators(), e.privacy().name(), e.privacyReason(), e.submittedAt(),
                null, null, null);
    }

    ApplicationRevisionView closed(String newStatus, @Nullable String by, @Nullable String reason, Instant at) {
        return new ApplicationRevisionView(id, applicationId, schoolId, revision, newStatus, platform, proposedName,
                proposedHandle, aim, audience, promotion, administrators, privacy, privacyReason, submittedAt, by,
                reason, at);
    }
}
