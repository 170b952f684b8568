package uk.schoolsocial.account.official.query;

import static uk.schoolsocial.account.official.query.AccountView.Builder.minus;
import static uk.schoolsocial.account.official.query.AccountView.Builder.plus;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountFlaggedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountReviewedEvent;
import uk.schoolsocial.events.account.AccountSettingsAgreedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.AdministratorLeftEvent;
import uk.schoolsocial.events.account.AdministratorTrainedEvent;
import uk.schoolsocial.events.account.CredentialsRevealedEvent;
import uk.schoolsocial.events.account.CredentialsRotatedEvent;
import uk.schoolsocial.events.account.HandoverCancelledEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverEscalatedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.events.account.HandoverRescheduledEvent;
import uk.schoolsocial.events.account.PolicyAcknowledgedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code account_view} and {@code account_history_view}. Idempotent: an event at or below
 * the stored version was applied already, and history rows are keyed by sequence number. The
 * reasons and notes it copies are sealed under the account's key: replayed after the account was
 * erased (AUD-4) they are null, and the rows read as {@link AccountErasureScope} leaves them.
 */
@Singleton
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {

    public static final String GROUP = "account-accounts";
    private final AccountViewRepository views;
    private final AccountHistoryViewRepository history;

    AccountProjection(AccountViewRepository views, AccountHistoryViewRepository history) {
        this.views = views;
        this.history = history;
    }

    @EventHandler
    void on(AccountProvisionedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        VersionedRows.insertOnce(views, e.accountId(), () -> new AccountView(e.accountId(), e.schoolId(),
                e.applicationId(), "PROVISIONED", version, e.platform().name(), e.handle(), e.displayName(),
                e.administrators(), e.privacy().name(), e.aupLink(), null, false, false, 1, List.of(), List.of(),
                List.of(), false, null, null, e.provisionedAt(), null, null));
        record(e.accountId(), e.schoolId(), version, "PROVISIONED", actor, "from application " + e.applicationId(),
                e.provisionedAt());
    }

    @EventHandler
    void on(AccountSettingsAgreedEvent e, @SequenceNumber long version) {
        update(e.accountId(), version, b -> {
            b.whoMayPost = e.whoMayPost();
            b.followersApproved = e.followersApproved();
            b.taggingOff = e.taggingOff();
            b.policyVersion = e.policyVersion();
            b.outOfDate = List.of();
            b.reviewDue = e.reviewDue();
            return b;
        });
    }

    @EventHandler
    void on(PolicyAcknowledgedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            b.acknowledged = plus(b.acknowledged, e.administratorId());
            b.outOfDate = minus(b.outOfDate, e.administratorId());
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "POLICY_ACKNOWLEDGED", actor,
                e.administratorId() + " acknowledged policy version " + e.policyVersion(), e.at());
    }

    @EventHandler
    void on(AdministratorTrainedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            b.trained = plus(b.trained, e.administratorId());
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "ADMINISTRATOR_TRAINED", actor, e.administratorId(), e.at());
    }

    @EventHandler
    void on(AccountFlaggedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            b.policyVersion = e.policyVersion();
            b.acknowledged = List.of();
            b.outOfDate = e.administratorsOutOfDate();
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "FLAGGED", actor, "policy version " + e.policyVersion()
                + " not acknowledged by " + String.join(", ", e.administratorsOutOfDate()), e.at());
    }

    @EventHandler
    void on(AccountWentLiveEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            b.status = "LIVE";
            b.wentLiveAt = e.at();
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "WENT_LIVE", actor, null, e.at());
    }

    @EventHandler
    void on(AccountSuspendedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        status(e.accountId(), e.schoolId(), version, "SUSPENDED", actor, e.reason(), e.at());
    }

    @EventHandler
    void on(AccountReinstatedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        views.findById(e.accountId()).ifPresent(view -> status(e.accountId(), e.schoolId(), version,
                e.status() != null ? e.status() : view.wentLiveAt() == null ? "PROVISIONED" : "LIVE", actor,
                e.reason(), e.at()));
    }

    /** ACC-9; the closure also starts the account's ACCOUNT_RECORD retention (AUD-4). */
    @EventHandler
    void on(AccountClosedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        status(e.accountId(), e.schoolId(), version, "CLOSED", actor, e.reason(), e.at());
    }

    @EventHandler
    void on(AccountReviewedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            b.reviewDue = e.nextReviewDue();
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "REVIEWED", actor,
                (e.notes() == null ? "" : e.notes() + "; ") + "next review due " + e.nextReviewDue(), e.at());
    }

    @EventHandler
    void on(AdministratorLeftEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            b.administrators = minus(b.administrators, e.administratorId());
            b.acknowledged = minus(b.acknowledged, e.administratorId());
            b.trained = minus(b.trained, e.administratorId());
            b.outOfDate = minus(b.outOfDate, e.administratorId());
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "ADMINISTRATOR_LEFT", actor,
                e.administratorId() + " left on " + e.leavingDate(), e.at());
    }

    @EventHandler
    void on(HandoverOpenedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> b);
        record(e.accountId(), e.schoolId(), version, "HANDOVER_OPENED", actor,
                "handover " + e.handoverId() + " due " + e.dueAt(), e.at());
    }

    @EventHandler
    void on(HandoverEscalatedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> b);
        record(e.accountId(), e.schoolId(), version, "HANDOVER_ESCALATED", actor,
                "handover " + e.handoverId() + " overdue since " + e.dueAt(), e.at());
    }

    @EventHandler
    void on(HandoverRescheduledEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> b);
        record(e.accountId(), e.schoolId(), version, "HANDOVER_RESCHEDULED", actor,
                "handover " + e.handoverId() + " due " + e.dueAt() + ": leaving date moved to " + e.leavingDate(), e.at());
    }

    @EventHandler
    void on(HandoverCancelledEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> b);
        record(e.accountId(), e.schoolId(), version, "HANDOVER_CANCELLED", actor,
                "handover " + e.handoverId() + ": the leaver is staying", e.at());
    }

    @EventHandler
    void on(HandoverCompletedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> {
            if (e.whoMayPost() != null) {
                b.whoMayPost = e.whoMayPost(); // ACC-4: the new administrator posts in the leaver's place
            }
            if (e.newAdministratorId() != null) {
                b.administrators = plus(b.administrators, e.newAdministratorId());
                if (e.fitForPolicyVersion() == null) {
                    b.outOfDate = plus(b.outOfDate, e.newAdministratorId());
                } else {
                    // ACC-5: the transfer found them fit for the account's version; they take it over fit.
                    b.acknowledged = plus(b.acknowledged, e.newAdministratorId());
                    b.trained = plus(b.trained, e.newAdministratorId());
                }
            }
            return b;
        });
        record(e.accountId(), e.schoolId(), version, "HANDOVER_COMPLETED", actor, e.outcome()
                + (e.newAdministratorId() == null ? "" : " to " + e.newAdministratorId()), e.at());
    }

    @EventHandler
    void on(CredentialsRotatedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> b);
        record(e.accountId(), e.schoolId(), version, "CREDENTIALS_ROTATED", actor, e.reason(), e.at());
    }

    @EventHandler
    void on(CredentialsRevealedEvent e, @SequenceNumber long version, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        update(e.accountId(), version, b -> b);
        // the reason is null once the account is erased (AUD-4): the detail then names only to whom
        record(e.accountId(), e.schoolId(), version, "CREDENTIALS_REVEALED", actor,
                "to " + e.revealedTo() + (e.reason() == null ? "" : ": " + e.reason()), e.at());
    }

    private void status(String id, String school, long version, String status, String actor, String reason, Instant at) {
        String type = switch (status) {
            case "SUSPENDED" -> "SUSPENDED";
            case "CLOSED" -> "CLOSED";
            default -> "REINSTATED";
        };
        update(id, version, b -> {
            b.status = status;
            b.statusReason = reason;
            if ("CLOSED".equals(status)) {
                b.closedAt = at;
            }
            return b;
        });
        record(id, school, version, type, actor, reason, at);
    }

    private void update(String id, long version, AccountView.Changes changes) {
        VersionedRows.update(views, id, version, view -> view.with(version, changes));
    }

    private void record(String id, String school, long sequence, String type, String actor, String detail, Instant at) {
        String key = id + ":" + sequence;
        VersionedRows.insertOnce(history, key, () -> new AccountHistoryView(key, id, school, sequence, type, actor,
                detail, at));
    }
}
