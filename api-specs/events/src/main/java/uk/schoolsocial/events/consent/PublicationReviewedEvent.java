package uk.schoolsocial.events.consent;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * CON-6: the review of a publication featuring pupils who left was decided: it stays up, or it comes
 * down (then a {@link TakedownOpenedEvent} follows for each of them).
 *
 * @param pupilIds   the leavers whose review this decides, sorted
 * @param reviewedBy who decided (also in the event's {@code actorId} metadata)
 * @param reason     why, if given
 */
@Revision("1")
public record PublicationReviewedEvent(
        String publicationId,
        String schoolId,
        List<String> pupilIds,
        ReviewDecision decision,
        String reviewedBy,
        @PersonalData(whose = {Whose.PUPIL, Whose.PARENT, Whose.STAFF},
                retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUBLICATION, keyFrom = "publicationId")
        String reason,
        Instant reviewedAt) {
}
