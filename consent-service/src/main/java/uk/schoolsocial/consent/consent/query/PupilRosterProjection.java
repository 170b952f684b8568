package uk.schoolsocial.consent.consent.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionLiftedEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.PupilRosteredEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code pupil_view} and {@code pupil_parent_view}. Idempotent by the pupil record's version:
 * an event at or below the stored version was applied already, so a replay gives the same rows.
 * Every pupil row written is handed to the publication check's index too (CON-4), before the batch commits.
 */
@Singleton
@ProcessingGroup(PupilConsentProjection.GROUP)
public class PupilRosterProjection {

    private final PupilViewRepository pupils;
    private final PupilParentViewRepository parents;
    private final PupilRowsListener index;

    PupilRosterProjection(PupilViewRepository pupils, PupilParentViewRepository parents, PupilRowsListener index) {
        this.pupils = pupils;
        this.parents = parents;
        this.index = index;
    }

    @EventHandler
    void on(PupilRosteredEvent event, @SequenceNumber long version) {
        var stored = pupils.findById(event.pupilConsentId());
        if (stored.isPresent() && stored.get().version() >= version) {
            return;
        }
        if (event.givenName() == null || event.familyName() == null || event.dateOfBirth() == null) {
            // AUD-4: the pupil was erased (their key destroyed): they are not on the roster any more
            // (PupilErasureScope), and an entry the MIS pushes again is stored erased.
            return;
        }
        PupilView view = new PupilView(event.pupilConsentId(), event.schoolId(), event.pupilId(), event.givenName(),
                event.familyName(), NameKey.of(event.givenName()), NameKey.of(event.familyName()), event.yearGroup(),
                event.dateOfBirth(), stored.map(PupilView::leftOn).orElse(null),
                stored.map(PupilView::objectedAt).orElse(null), version);
        index.apply(stored.isPresent() ? pupils.update(view) : pupils.save(view));
        parents.deleteLinks(event.schoolId(), event.pupilId());
        parents.saveAll(event.parentalResponsibility().stream()
                .map(adult -> PupilParentView.of(event.pupilConsentId(), event.schoolId(), adult, event.pupilId()))
                .toList());
    }

    @EventHandler
    void on(PupilLeftEvent event, @SequenceNumber long version) {
        VersionedRows.update(pupils, event.pupilConsentId(), version, view -> view.left(event.leftOn(), version))
                .ifPresent(index::apply);
    }

    @EventHandler
    void on(PupilObjectionRecordedEvent event, @SequenceNumber long version) {
        VersionedRows.update(pupils, event.pupilConsentId(), version,
                view -> view.objected(event.recordedAt(), version)).ifPresent(index::apply);
    }

    /** CON-2: a lifted objection no longer rules the pupil out. */
    @EventHandler
    void on(PupilObjectionLiftedEvent event, @SequenceNumber long version) {
        VersionedRows.update(pupils, event.pupilConsentId(), version, view -> view.objected(null, version))
                .ifPresent(index::apply);
    }
}
