package uk.schoolsocial.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The MIS reports that a pupil left the school (CON-6): from {@code leftOn} no consent of theirs
 * covers a new publication.
 */
@Revision("1")
public record PupilLeftEvent(String pupilConsentId, String schoolId, String pupilId, LocalDate leftOn,
                             Instant recordedAt) {
}
