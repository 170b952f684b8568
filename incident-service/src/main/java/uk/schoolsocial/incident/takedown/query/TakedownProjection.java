package uk.schoolsocial.incident.takedown.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.incident.TakedownAbandonedEvent;
import uk.schoolsocial.events.incident.TakedownConfirmedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code incident_takedown} (INC-5). A processing group of its own, so it is built from the
 * first event when it first runs. Idempotent: an event at or below a row's version was applied.
 */
@Singleton
@ProcessingGroup(TakedownProjection.GROUP)
public class TakedownProjection {

    public static final String GROUP = "incident-takedowns";
    private final TakedownRowRepository takedowns;

    TakedownProjection(TakedownRowRepository takedowns) {
        this.takedowns = takedowns;
    }

    @EventHandler
    void on(TakedownRequestedEvent event, @SequenceNumber long version) {
        VersionedRows.insertOnce(takedowns, event.takedownId(), () -> new TakedownRow(event.takedownId(),
                event.incidentId(), event.schoolId(), event.addressee().name(), "REQUESTED", event.requestedBy(),
                event.requestedAt(), event.dueAt(), null, null, version));
    }

    @EventHandler
    void on(TakedownEscalationSuggestedEvent event, @SequenceNumber long version) {
        update(event.takedownId(), version, t -> new TakedownRow(t.id(), t.incidentId(), t.schoolId(), t.addressee(),
                t.state(), t.requestedBy(), t.requestedAt(), t.dueAt(), event.suggestedAt(), t.settledAt(), version));
    }

    @EventHandler
    void on(TakedownConfirmedEvent event, @SequenceNumber long version) {
        update(event.takedownId(), version, t -> settled(t, "REMOVED", event.confirmedAt(), version));
    }

    @EventHandler
    void on(TakedownAbandonedEvent event, @SequenceNumber long version) {
        update(event.takedownId(), version, t -> settled(t, "ABANDONED", event.abandonedAt(), version));
    }

    private static TakedownRow settled(TakedownRow t, String state, Instant at, long version) {
        return new TakedownRow(t.id(), t.incidentId(), t.schoolId(), t.addressee(), state, t.requestedBy(),
                t.requestedAt(), t.dueAt(), t.escalationSuggestedAt(), at, version);
    }

    private void update(String takedownId, long version, UnaryOperator<TakedownRow> change) {
        VersionedRows.update(takedowns, takedownId, version, change);
    }
}
