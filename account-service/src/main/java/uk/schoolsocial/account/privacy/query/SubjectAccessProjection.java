package uk.schoolsocial.account.privacy.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.SubjectAccessExtendedEvent;
import uk.schoolsocial.events.account.SubjectAccessFulfilledEvent;
import uk.schoolsocial.events.account.SubjectAccessRequestedEvent;

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
        if (!views.existsById(e.requestId())) {
            views.save(new SubjectAccessRequestView(e.requestId(), e.schoolId(), version, e.subjectType().name(),
                    e.subjectId(), e.receivedOn(), e.requestedBy(), e.dueOn(), "RECEIVED", e.recordedBy(),
                    e.recordedAt(), null, null, null, null, null));
        }
    }

    @EventHandler
    void on(SubjectAccessExtendedEvent e, @SequenceNumber long version) {
        views.findById(e.requestId()).filter(v -> v.version() < version)
                .ifPresent(v -> views.update(v.extended(version, e.months(), e.reason(), e.dueOn(), e.extendedBy())));
    }

    @EventHandler
    void on(SubjectAccessFulfilledEvent e, @SequenceNumber long version) {
        views.findById(e.requestId()).filter(v -> v.version() < version)
                .ifPresent(v -> views.update(v.fulfilled(version, e.fulfilledOn(), e.fulfilledBy())));
    }
}
