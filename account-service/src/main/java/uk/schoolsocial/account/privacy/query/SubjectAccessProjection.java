package uk.schoolsocial.account.privacy.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.SubjectAccessExtendedEvent;
import uk.schoolsocial.events.account.SubjectAccessFulfilledEvent;
import uk.schoolsocial.events.account.SubjectAccessRequestedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code subject_access_request_view} (AUD-4). Idempotent: an event at or below the stored
 * version was applied already.
 */
@Singleton
@ProcessingGroup(SubjectAccessProjection.GROUP)
public class SubjectAccessProjection {

    public static final String GROUP = "account-subject-access";
    private final SubjectAccessRequestViewRepository views;

    SubjectAccessProjection(SubjectAccessRequestViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(SubjectAccessRequestedEvent e, @SequenceNumber long version) {
        VersionedRows.insertOnce(views, e.requestId(), () -> new SubjectAccessRequestView(e.requestId(), e.schoolId(),
                version, e.subjectType().name(), e.subjectId(), e.receivedOn(), e.requestedBy(), e.dueOn(), "RECEIVED",
                e.recordedBy(), e.recordedAt(), null, null, null, null, null));
    }

    @EventHandler
    void on(SubjectAccessExtendedEvent e, @SequenceNumber long version) {
        VersionedRows.update(views, e.requestId(), version,
                v -> v.extended(version, e.months(), e.reason(), e.dueOn(), e.extendedBy()));
    }

    @EventHandler
    void on(SubjectAccessFulfilledEvent e, @SequenceNumber long version) {
        VersionedRows.update(views, e.requestId(), version, v -> v.fulfilled(version, e.fulfilledOn(), e.fulfilledBy()));
    }
}
