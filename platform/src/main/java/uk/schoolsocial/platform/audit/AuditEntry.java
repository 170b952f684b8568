package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event of the trail as the replay API shows it (AUD-2): where it sits in the chain, what it
 * is, who caused it, for which school, why, and its payload.
 */
public record AuditEntry(long seq, long globalIndex, String service, String eventId, String schoolId,
                         String aggregateType, String aggregateId, long sequenceNumber, String eventType,
                         String payloadType, String payloadRevision, String occurredAt, String actorId,
                         List<String> actorRoles, String correlationId, String causationId, String reason,
                         JsonNode payload, String entryHash, String chainHash) {
}
