package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.consent.LeaverPublicationsSetEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code leaver_publications_setting} (CON-6). In the publications processor, so that a pupil's
 * leaving meets the choice set before it in the event order, as {@link TakedownPolicy} applies it.
 * Idempotent by the settings' version.
 */
@Singleton
@ProcessingGroup(PublicationProjection.GROUP)
public class LeaverPublicationsProjection {

    private final LeaverPublicationsSettingRepository settings;

    LeaverPublicationsProjection(LeaverPublicationsSettingRepository settings) {
        this.settings = settings;
    }

    @EventHandler
    void on(LeaverPublicationsSetEvent event, @SequenceNumber long version) {
        LeaverPublicationsSetting row = new LeaverPublicationsSetting(
                LeaverPublicationsSetting.idOf(event.schoolId(), event.channel().name()), event.schoolId(),
                event.channel().name(), event.choice().name(), event.setBy(), event.setAt(), version);
        VersionedRows.upsert(settings, row.id(), row);
    }
}
