package uk.schoolsocial.account.application.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationRejectedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.events.account.NameClashAcceptedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code application_view} (each application's latest revision) and
 * {@code application_revision_view} (every revision, ACC-2) and {@code application_name_clash_view}
 * (the surname clashes SLT accepted, ACC-3). Idempotent: an event at or below the
 * stored version was applied already (delivery is at least once), so a replay from zero gives the
 * same rows.
 */
@Singleton
@ProcessingGroup(ApplicationProjection.GROUP)
public class ApplicationProjection {

    public static final String GROUP = "account-applications";
    private final ApplicationViewRepository views;
    private final ApplicationRevisionViewRepository revisions;
    private final NameClashAcceptanceViewRepository acceptances;

    ApplicationProjection(ApplicationViewRepository views, ApplicationRevisionViewRepository revisions,
                          NameClashAcceptanceViewRepository acceptances) {
        this.views = views;
        this.revisions = revisions;
        this.acceptances = acceptances;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event, @SequenceNumber long version) {
        VersionedRows.upsert(views, event.applicationId(), ApplicationView.submitted(event, version));
        VersionedRows.insertOnce(revisions, ApplicationRevisionView.key(event.applicationId(), event.revision()),
                () -> ApplicationRevisionView.of(event));
    }

    /** ACC-3: the accepted clash is kept with the revision it came with; the application's version moves on. */
    @EventHandler
    void on(NameClashAcceptedEvent event, @SequenceNumber long version) {
        VersionedRows.update(views, event.applicationId(), version, view -> view.withVersion(version));
        String key = NameClashAcceptanceView.key(event.applicationId(), version);
        VersionedRows.insertOnce(acceptances, key, () -> new NameClashAcceptanceView(key, event.applicationId(),
                event.schoolId(), views.findById(event.applicationId()).map(ApplicationView::revision).orElse(1),
                event.word(), event.reason(), event.acceptedBy(), event.acceptedAt()));
    }

    @EventHandler
    void on(ApplicationWithdrawnEvent event, @SequenceNumber long version) {
        VersionedRows.update(views, event.applicationId(), version,
                view -> view.withdrawn(version, event.withdrawnAt(), event.reason()))
                .ifPresent(view -> closeRevision(view, "WITHDRAWN", null, event.reason(), event.withdrawnAt()));
    }

    @EventHandler
    void on(ApplicationApprovedEvent event, @SequenceNumber long version) {
        decide(event.applicationId(), "APPROVED", version, event.decidedBy(), event.reason(), event.decidedAt());
    }

    @EventHandler
    void on(ApplicationRejectedEvent event, @SequenceNumber long version) {
        decide(event.applicationId(), "REJECTED", version, event.decidedBy(), event.reason(), event.decidedAt());
    }

    private void decide(String applicationId, String status, long version, String by, String reason, Instant at) {
        VersionedRows.update(views, applicationId, version, view -> view.decided(status, version, by, reason, at))
                .ifPresent(view -> closeRevision(view, status, by, reason, at));
    }

    private void closeRevision(ApplicationView view, String status, String by, String reason, Instant at) {
        revisions.findById(ApplicationRevisionView.key(view.id(), view.revision()))
                .ifPresent(revision -> revisions.update(revision.closed(status, by, reason, at)));
    }
}
