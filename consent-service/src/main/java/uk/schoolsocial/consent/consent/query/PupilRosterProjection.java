package uk.schoolsocial.consent.consent.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.PupilRosteredEvent;

/**
 * Keeps {@code pupil_view} and {@code pupil_parent_view}. Idempotent by the pupil record's version:
 * an event at or below the stored version was applied already, so a replay gives the same rows.
 */
@Singleton
@ProcessingGroup(PupilConsentProjection.GROUP)
public class PupilRosterProjection {

    private final PupilViewRepository pupils;
    private final PupilParentViewRepository parents;

    PupilRosterProjection(PupilViewRepository pupils, PupilParentViewRepository parents) {
        this.pupils = pupils;
        this.parents = parents;
    }

    @EventHandler
    void on(PupilRosteredEvent event, @SequenceNumber long version) {
        var stored = pupils.findById(event.pupilConsentId());
        if (stored.isPresent() && stored.get().version() >= version) {
            return;
        }
        PupilView view = new PupilView(event.pupilConsentId(), event.schoolId(), event.pupilId(), event.givenName(),
                event.familyName(), NameKey.of(event.givenName()), NameKey.of(event.familyName()), event.yearGroup(),
                event.dateOfBirth(), stored.map(PupilView::leftOn).orElse(null),
                stored.map(PupilView::objectedAt).orElse(null), version);
        if (stored.isPresent()) {
            pupils.update(view);
        } else {
            pupils.save(view);
        }
        parents.deleteLinks(event.schoolId(), event.pupilId());
        parents.saveAll(event.parentalResponsibility().stream()
                .map(adult -> PupilParentView.of(event.pupilConsentId(), event.schoolId(), adult, event.pupilId()))
                .toList());
    }

    @EventHandler
    void on(PupilLeftEvent event, @SequenceNumber long version) {
        pupils.findById(event.pupilConsentId())
                .filter(view -> view.version() < version)
                .ifPresent(view -> pupils.update(view.left(event.leftOn(), version)));
    }

    @EventHandler
    void on(PupilObjectionRecordedEvent event, @SequenceNumber long version) {
        pupils.findById(event.pupilConsentId())
                .filter(view -> view.version() < version)
                .ifPresent(view -> pupils.update(view.objected(event.recordedAt(), version)));
    }
}
