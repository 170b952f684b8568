package uk.schoolsocial.account.application.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * One application as it stands (its latest revision), for reads. {@code version} is the aggregate's, the ETag.
 * Its text (aim, audience, promotion, privacy reason, the reasons of its withdrawal or decision) is
 * null once the application is erased (AUD-4, {@link ApplicationErasureScope}).
 */
@MappedEntity("application_view")
public record ApplicationView(
        @Id String id,
        String schoolId,
        String status,
        int revision,
        long version,
        String applicantId,
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
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawalReason,
        @Nullable String decidedBy,
        @Nullable String decisionReason,
        @Nullable Instant decidedAt) implements VersionedRow {

    static ApplicationView submitted(ApplicationSubmittedEvent e, long version) {
        return new ApplicationView(e.applicationId(), e.schoolId(), "SUBMITTED", e.revision(), version, e.applicantId(),
                e.platform().name(), e.proposedName(), e.proposedHandle(), e.aim(), e.audience(), e.promotion(),
                e.administrators(), e.privacy().name(), e.privacyReason(), e.submittedAt(), null, null, null, null, null);
    }

    /** ACC-3: an accepted name clash changes no field here, only the version (the ETag). */
    ApplicationView withVersion(long newVersion) {
        return new ApplicationView(id, schoolId, status, revision, newVersion, applicantId, platform, proposedName,
                proposedHandle, aim, audience, promotion, administrators, privacy, privacyReason, submittedAt, withdrawnAt,
                withdrawalReason, decidedBy, decisionReason, decidedAt);
    }

    ApplicationView withdrawn(long newVersion, Instant at, @Nullable String reason) {
        return new ApplicationView(id, schoolId, "WITHDRAWN", revision, newVersion, applicantId, platform, proposedName,
                proposedHandle, aim, audience, promotion, administrators, privacy, privacyReason, submittedAt, at, reason,
                null, null, null);
    }

    ApplicationView decided(String newStatus, long newVersion, String by, @Nullable String reason, Instant at) {
        return new ApplicationView(id, schoolId, newStatus, revision, newVersion, applicantId, platform, proposedName,
                proposedHandle, aim, audience, promotion, administrators, privacy, privacyReason, submittedAt, null, null,
                by, reason, at);
    }
}
