package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

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
        @NotPersonalData("a media type")
        String mediaType,
        long sizeBytes,
        @NotPersonalData("the SHA-256 of the evidence bytes")
        String sha256,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF, Whose.THIRD_PARTY},
                retention = RetentionClass.INCIDENT_RECORD, sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
        String description,
        String addedBy,
        Instant addedAt) {
}
