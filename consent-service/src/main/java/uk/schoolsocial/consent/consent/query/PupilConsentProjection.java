package uk.schoolsocial.consent.consent.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code channel_consent_view}. Idempotent: an event at or below the stored version of its
 * channel was applied already (delivery is at least once), so a replay from zero gives the same rows.
 * Every row written is handed to the publication check's index too (CON-4), before the batch commits.
 */
@Singleton
@ProcessingGroup(PupilConsentProjection.GROUP)
public class PupilConsentProjection {

    public static final String GROUP = "pupil-consents";
    private final ChannelConsentViewRepository views;
    private final PupilRowsListener index;

    PupilConsentProjection(ChannelConsentViewRepository views, PupilRowsListener index) {
        this.views = views;
        this.index = index;
    }

    @EventHandler
    void on(ConsentGivenEvent event, @SequenceNumber long version) {
        String id = ChannelConsentView.idOf(event.pupilConsentId(), event.channel().name());
        ChannelConsentView view = new ChannelConsentView(id, event.pupilConsentId(), event.schoolId(), event.pupilId(),
                event.channel().name(), event.givenBy(), event.method().name(), event.formReference(), event.givenOn(),
                event.validUntil(), event.recordedAt(), version, null, null);
        VersionedRows.upsert(views, id, view).ifPresent(index::apply);
    }

    @EventHandler
    void on(ConsentWithdrawnEvent event, @SequenceNumber long version) {
        VersionedRows.update(views, ChannelConsentView.idOf(event.pupilConsentId(), event.channel().name()), version,
                view -> view.withdrawn(event.withdrawnBy(), event.withdrawnAt(), version)).ifPresent(index::apply);
    }
}
