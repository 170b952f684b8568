package uk.schoolsocial.consent.officialaccount.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * An official account provisioned by account-service after approval, and where it stands (CON-4:
 * only a LIVE one may carry pupils' images). {@code version} is the upstream aggregate's; {@code wentLive}
 * whether it ever went live (ACC-5), which decides where a reinstatement recorded without its status leaves it.
 */
@MappedEntity("official_live_account_view")
public record OfficialLiveAccountView(
        @Id String id,
        String schoolId,
        String applicationId,
        String platform,
        String handle,
        String displayName,
        String status,
        long version,
        boolean wentLive) implements VersionedRow {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String LIVE = "LIVE";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String CLOSED = "CLOSED";

    OfficialLiveAccountView in(String newStatus, long newVersion) {
        return new OfficialLiveAccountView(id, schoolId, applicationId, platform, handle, displayName, newStatus,
                newVersion, wentLive || LIVE.equals(newStatus));
    }

    public boolean live() {
        return LIVE.equals(status);
    }
}
