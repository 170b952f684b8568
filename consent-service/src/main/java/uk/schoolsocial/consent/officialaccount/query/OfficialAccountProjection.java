package uk.schoolsocial.consent.officialaccount.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;

/**
 * Keeps {@code official_account_view} from account-service's events, read from its event store by
 * the processor of the same name (ARCHITECTURE 3: no call to account-service). Idempotent by the
 * upstream aggregate version: a redelivered or replayed event changes nothing, and a resubmission
 * (ACC-2: a new revision on the same application) brings a withdrawn or rejected one back.
 */
@Singleton
@ProcessingGroup(OfficialAccountProjection.GROUP)
public class OfficialAccountProjection {

    /** Also the name of the processor that reads account-service's event store. */
    public static final String GROUP = "official-accounts";
    private final OfficialAccountViewRepository views;

    OfficialAccountProjection(OfficialAccountViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @SequenceNumber long version) {
        OfficialAccountView view = new OfficialAccountView(event.applicationId(), event.schoolId(),
                OfficialAccountView.SUBMITTED, version, event.platform().name(), event.proposedName(),
                event.proposedHandle(), event.submittedAt(), null);
        views.findById(event.applicationId()).ifPresentOrElse(
                stored -> {
                    if (stored.version() < version) {
                        views.update(view);
                    }
                },
                () -> views.save(view));
    }

    @EventHandler
    void on(ApplicationWithdrawnEvent event, @SequenceNumber long version) {
        views.findById(event.applicationId())
                .filter(view -> view.version() < version)
                .ifPresent(view -> views.update(view.withdrawn(version, event.withdrawnAt())));
    }
}
