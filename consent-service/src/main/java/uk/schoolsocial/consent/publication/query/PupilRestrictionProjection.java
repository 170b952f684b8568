package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionLiftedEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code publication_pupil_restriction}: the pupils who object (CON-2) and who left (CON-6) as the
 * publications processor sees them in its event order, for {@link TakedownPolicy} to act on a publication
 * registered after them. Idempotent (a row is there or not), so a replay rebuilds it.
 */
@Singleton
@ProcessingGroup(PublicationProjection.GROUP)
public class PupilRestrictionProjection {

    private final PupilRestrictionRepository restrictions;

    PupilRestrictionProjection(PupilRestrictionRepository restrictions) {
        this.restrictions = restrictions;
    }

    @EventHandler
    void on(PupilObjectionRecordedEvent event) {
        remember(PupilRestriction.of(event.schoolId(), event.pupilId(), PupilRestriction.OBJECTED));
    }

    @EventHandler
    void on(PupilObjectionLiftedEvent event) {
        restrictions.deleteById(PupilRestriction.idOf(event.schoolId(), event.pupilId(), PupilRestriction.OBJECTED));
    }

    @EventHandler
    void on(PupilLeftEvent event) {
        remember(PupilRestriction.of(event.schoolId(), event.pupilId(), PupilRestriction.LEFT));
    }

    private void remember(PupilRestriction restriction) {
        VersionedRows.insertOnce(restrictions, restriction.id(), () -> restriction);
    }
}
