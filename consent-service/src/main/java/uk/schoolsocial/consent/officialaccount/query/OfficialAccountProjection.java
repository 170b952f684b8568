package uk.schoolsocial.consent.officialaccount.query;

import jakarta.inject.Singleton;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountReinstatedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationRejectedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code official_account_view} from account-service's events, read from its event store by
 * the processor of the same name (ARCHITECTURE 3: no call to account-service). Idempotent by the
 * upstream aggregate version: a redelivered or replayed event changes nothing, and a resubmission
 * (ACC-2: a new revision on the same application) brings a withdrawn or rejected one back. The
 * accounts provisioned from approved applications are kept by account id in
 * {@code official_live_account_view}, with whether they are live, suspended or closed (CON-4); each
 * such row written is handed to the publication check's index too, before the batch commits.
 */
@Singleton
@ProcessingGroup(OfficialAccountProjection.GROUP)
public class OfficialAccountProjection {

    /** Also the name of the processor that reads account-service's event store. */
    public static final String GROUP = "official-accounts";
    private final OfficialAccountViewRepository views;
    private final OfficialLiveAccountViewRepository accounts;
    private final LiveAccountRowsListener index;

    OfficialAccountProjection(OfficialAccountViewRepository views, OfficialLiveAccountViewRepository accounts,
                              LiveAccountRowsListener index) {
        this.views = views;
        this.accounts = accounts;
        this.index = index;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @SequenceNumber long version) {
        OfficialAccountView view = new OfficialAccountView(event.applicationId(), event.schoolId(),
                OfficialAccountView.SUBMITTED, version, event.platform().name(), event.proposedName(),
                event.proposedHandle(), event.submittedAt(), null);
        VersionedRows.upsert(views, event.applicationId(), view);
    }

    @EventHandler
    void on(ApplicationWithdrawnEvent event, @SequenceNumber long version) {
        VersionedRows.update(views, event.applicationId(), version,
                view -> view.withdrawn(version, event.withdrawnAt()));
    }

    @EventHandler
    void on(ApplicationApprovedEvent event, @SequenceNumber long version) {
        decide(event.applicationId(), OfficialAccountView.APPROVED, version);
    }

    @EventHandler
    void on(ApplicationRejectedEvent event, @SequenceNumber long version) {
        decide(event.applicationId(), OfficialAccountView.REJECTED, version);
    }

    @EventHandler
    void on(AccountProvisionedEvent event, @SequenceNumber long version) {
        VersionedRows.insertOnce(accounts, event.accountId(), () -> new OfficialLiveAccountView(event.accountId(),
                event.schoolId(), event.applicationId(), event.platform().name(), event.handle(), event.displayName(),
                OfficialLiveAccountView.PROVISIONED, version, false)).ifPresent(index::apply);
    }

    @EventHandler
    void on(AccountWentLiveEvent event, @SequenceNumber long version) {
        move(event.accountId(), OfficialLiveAccountView.LIVE, version);
    }

    @EventHandler
    void on(AccountSuspendedEvent event, @SequenceNumber long version) {
        move(event.accountId(), OfficialLiveAccountView.SUSPENDED, version);
    }

    @EventHandler
    void on(AccountReinstatedEvent event, @SequenceNumber long version) {
        // ACC-5, ACC-9: LIVE again only if it had gone live; one suspended before that is PROVISIONED.
        move(event.accountId(), account -> event.status() != null ? event.status()
                : account.wentLive() ? OfficialLiveAccountView.LIVE : OfficialLiveAccountView.PROVISIONED, version);
    }

    @EventHandler
    void on(AccountClosedEvent event, @SequenceNumber long version) {
        move(event.accountId(), OfficialLiveAccountView.CLOSED, version);
    }

    private void decide(String applicationId, String status, long version) {
        VersionedRows.update(views, applicationId, version, view -> view.decided(status, version));
    }

    private void move(String accountId, String status, long version) {
        move(accountId, account -> status, version);
    }

    private void move(String accountId, Function<OfficialLiveAccountView, String> status, long version) {
        VersionedRows.update(accounts, accountId, version, account -> account.in(status.apply(account), version))
                .ifPresent(index::apply);
    }
}
