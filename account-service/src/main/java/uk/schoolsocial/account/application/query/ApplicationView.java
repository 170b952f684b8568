package uk.schoolsocial.account.application.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** One application as it stands, for reads. {@code version} is the aggregate's, the ETag. */
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
        String aim,
        String audience,
        String promotion,
        @TypeDef(type = DataType.JSON) List<String> administrators,
        String privacy,
        String privacyReason,
        Instant submittedAt,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawalReason) {

    ApplicationView withdrawn(long newVersion, Instant at, String reason) {
        return new ApplicationView(id, schoolId, "WITHDRAWN", revision, newVersion, applicantId, platform, proposedName,
                proposedHandle, aim, audience, promotion, administrators, privacy, privacyReason, submittedAt, at, reason);
    }
}
