package uk.schoolsocial.account.official.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * One official account as it stands, for reads. {@code version} is the aggregate's, the ETag.
 * {@code statusReason} is null once the account is erased (AUD-4, {@link AccountErasureScope});
 * {@code closedAt} starts its {@code ACCOUNT_RECORD} retention.
 */
@MappedEntity("account_view")
public record AccountView(
        @Id String id,
        String schoolId,
        String applicationId,
        String status,
        long version,
        String platform,
        String handle,
        String displayName,
        @TypeDef(type = DataType.JSON) List<String> administrators,
        String privacy,
        String aupLink,
        @Nullable @TypeDef(type = DataType.JSON) List<String> whoMayPost,
        boolean followersApproved,
        boolean taggingOff,
        int policyVersion,
        @Nullable @TypeDef(type = DataType.JSON) List<String> acknowledged,
        @Nullable @TypeDef(type = DataType.JSON) List<String> trained,
        @Nullable @TypeDef(type = DataType.JSON) List<String> outOfDate,
        boolean flagged,
        @Nullable LocalDate reviewDue,
        @Nullable String statusReason,
        Instant provisionedAt,
        @Nullable Instant wentLiveAt,
        @Nullable Instant closedAt) implements VersionedRow {

    AccountView with(long newVersion, Changes changes) {
        return changes.apply(new Builder(this)).build(newVersion);
    }

    /** A change to some fields of the view. */
    interface Changes {
        Builder apply(Builder builder);
    }

    /** Mutable copy for the projection's updates. */
    static final class Builder {
        String status;
        List<String> administrators;
        List<String> whoMayPost;
        boolean followersApproved;
        boolean taggingOff;
        int policyVersion;
        List<String> acknowledged;
        List<String> trained;
        List<String> outOfDate;
        LocalDate reviewDue;
        String statusReason;
        Instant wentLiveAt;
        Instant closedAt;
        private final AccountView base;

        Builder(AccountView base) {
            this.base = base;
            status = base.status;
            administrators = base.administrators;
            whoMayPost = base.whoMayPost;
            followersApproved = base.followersApproved;
            taggingOff = base.taggingOff;
            policyVersion = base.policyVersion;
            acknowledged = base.acknowledged == null ? List.of() : base.acknowledged;
            trained = base.trained == null ? List.of() : base.trained;
            outOfDate = base.outOfDate == null ? List.of() : base.outOfDate;
            reviewDue = base.reviewDue;
            statusReason = base.statusReason;
            wentLiveAt = base.wentLiveAt;
            closedAt = base.closedAt;
        }

        /** The list with {@code item} added at its end, unless it holds it already. */
        static List<String> plus(List<String> list, String item) {
            List<String> result = new ArrayList<>(list);
            if (!result.contains(item)) {
                result.add(item);
            }
            return result;
        }

        /** The list without {@code item}. */
        static List<String> minus(List<String> list, String item) {
            return list.stream().filter(x -> !x.equals(item)).toList();
        }

        AccountView build(long version) {
            return new AccountView(base.id, base.schoolId, base.applicationId, status, version, base.platform,
                    base.handle, base.displayName, administrators, base.privacy, base.aupLink, whoMayPost,
                    followersApproved, taggingOff, policyVersion, acknowledged, trained, outOfDate,
                    !outOfDate.isEmpty(), reviewDue, statusReason, base.provisionedAt, wentLiveAt, closedAt);
        }
    }
}
