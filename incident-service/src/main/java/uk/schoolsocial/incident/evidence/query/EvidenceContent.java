package uk.schoolsocial.incident.evidence.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The bytes of one evidence item (INC-1), with what identifies them. */
@MappedEntity("incident_evidence")
public record EvidenceContent(@Id String id, String schoolId, String incidentId, String mediaType, long sizeBytes,
                              String sha256, byte[] content, Instant storedAt) {
}
