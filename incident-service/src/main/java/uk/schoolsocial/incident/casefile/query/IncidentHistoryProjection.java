package uk.schoolsocial.incident.casefile.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code incident_history}: every event of an incident as one plain-words row, keyed by the
 * aggregate sequence number, so a replay writes the same rows (INC-6, AUD-1).
 */
@Singleton
@ProcessingGroup(IncidentProjection.GROUP)
public class IncidentHistoryProjection {

    /** The aggregate type of an incident's events. */
    private static final String INCIDENT = "Incident";
    private final HistoryRepository history;

    IncidentHistoryProjection(HistoryRepository history) {
        this.history = history;
    }

    @EventHandler
    void on(DomainEventMessage<?> message) {
        // An incident's events only: a school's takedown periods (INC-5) are no incident's step.
        if (!INCIDENT.equals(message.getType())
                || !message.getPayloadType().getPackageName().equals("uk.schoolsocial.events.incident")) {
            return;
        }
        String id = HistoryEntry.idOf(message.getAggregateIdentifier(), message.getSequenceNumber());
        VersionedRows.insertOnce(history, id, () -> entry(id, message));
    }

    private static HistoryEntry entry(String id, DomainEventMessage<?> message) {
        MetaData meta = message.getMetaData();
        HistoryWords.Words words = HistoryWords.of(message.getPayload());
        Object reason = meta.get(AuditMetadata.REASON);
        String why = words.why() != null ? words.why() : reason == null ? null : reason.toString();
        Instant at = message.getTimestamp();
        return new HistoryEntry(id, message.getAggregateIdentifier(), message.getSequenceNumber(),
                String.valueOf(meta.get(AuditMetadata.SCHOOL_ID)), at,
                String.valueOf(meta.get(AuditMetadata.ACTOR_ID)), String.valueOf(meta.get(AuditMetadata.ACTOR_ROLES)),
                words.what(), why);
    }
}
