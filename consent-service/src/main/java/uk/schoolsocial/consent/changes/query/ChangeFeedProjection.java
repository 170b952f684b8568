package uk.schoolsocial.consent.changes.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionLiftedEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.platform.changes.ChangeLog;

/**
 * The change feed of this service for the MIS (issue 12): consent per pupil and channel given or
 * withdrawn (CON-1, CON-3), objections recorded or lifted (CON-2) and leavers (CON-6). Ids and
 * statuses only; the form reference and an objection's reason stay in the case. One processor on
 * one segment ({@link #GROUP}), as {@link ChangeLog} needs; replayable, as an event adds its
 * entry once.
 */
@Singleton
@ProcessingGroup(ChangeFeedProjection.GROUP)
public class ChangeFeedProjection {

    public static final String GROUP = "change-feed";

    private final ChangeLog changes;

    ChangeFeedProjection(ChangeLog changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(ConsentGivenEvent event, @MessageIdentifier String eventId) {
        consent(eventId, event.schoolId(), event.pupilId(), event.channel().name(), "GRANTED", event.recordedAt());
    }

    @EventHandler
    void on(ConsentWithdrawnEvent event, @MessageIdentifier String eventId) {
        consent(eventId, event.schoolId(), event.pupilId(), event.channel().name(), "WITHDRAWN", event.withdrawnAt());
    }

    @EventHandler
    void on(PupilObjectionRecordedEvent event, @MessageIdentifier String eventId) {
        pupil(eventId, event.schoolId(), "OBJECTION", event.pupilId(), "OBJECTED", event.recordedAt());
    }

    @EventHandler
    void on(PupilObjectionLiftedEvent event, @MessageIdentifier String eventId) {
        pupil(eventId, event.schoolId(), "OBJECTION", event.pupilId(), "LIFTED", event.liftedAt());
    }

    @EventHandler
    void on(PupilLeftEvent event, @MessageIdentifier String eventId) {
        pupil(eventId, event.schoolId(), "PUPIL_LEFT", event.pupilId(), "LEFT", event.recordedAt());
    }

    private void consent(String eventId, String school, String pupilId, String channel, String status, Instant at) {
        changes.append(eventId, school, "CONSENT", pupilId, pupilId, channel, status, at, link(pupilId));
    }

    private void pupil(String eventId, String school, String kind, String pupilId, String status, Instant at) {
        changes.append(eventId, school, kind, pupilId, pupilId, null, status, at, link(pupilId));
    }

    private static String link(String pupilId) {
        return "/api/v1/pupils/" + pupilId + "/consents";
    }
}
