package uk.schoolsocial.account.application.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;

/**
 * Keeps {@code application_view}. Idempotent: an event at or below the stored version was applied
 * already (delivery is at least once), so a replay from zero gives the same rows.
 */
@Singleton
@ProcessingGroup(ApplicationProjection.GROUP)
public class ApplicationProjection {

    public static final String GROUP = "account-applications";
    private final ApplicationViewRepository views;

    ApplicationProjection(ApplicationViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @SequenceNumber long version) {
        if (views.existsById(event.applicationId())) {
            return;
        }
        views.save(new ApplicationView(event.applicationId(), event.schoolId(), "SUBMITTED", event.revision(), version,
                event.applicantId(), event.platform().name(), event.proposedName(), event.proposedHandle(), event.aim(),
                event.audience(), event.promotion(), event.administrators(), event.privacy().name(),
                event.privacyReason(), event.submittedAt(), null, null));
    }

    @EventHandler
    void on(ApplicationWithdrawnEvent event, @SequenceNumber long version) {
        views.findById(event.applicationId())
                .filter(view -> view.version() < version)
                .ifPresent(view -> views.update(view.withdrawn(version, event.withdrawnAt(), event.reason())));
    }
}
