package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An evidence item (screenshot, saved message) was added to an incident (INC-1). The bytes are
 * kept in incident-service's database, never in an event; the event fixes their SHA-256, so any
 * later change to the stored bytes shows.
 *
 * @param sha256 the content hash, lower-case hex
 */
@Revision("1")
public record EvidenceAddedEvent(
        String incidentId,
        String schoolId,
        String evidenceId,
        String mediaType,
        long sizeBytes,
        String sha256,
        String description,
        String addedBy,
        Instant addedAt) {
}
