package uk.schoolsocial.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/**
 * A publication featuring pupils was registered (CON-5), after a publication check of the same
 * content passed (CON-4), so that a withdrawal or a leaving pupil can find it (CON-3).
 *
 * @param officialAccountId the official account it went out on, or null (website, print...)
 * @param pupilIds          every pupil featured, sorted
 * @param checkId           the id of the passed check of the same content
 * @param registeredBy      who registered it (also the event's {@code actorId} metadata)
 */
@Revision("1")
public record PublicationRegisteredEvent(
        String publicationId,
        String schoolId,
        ConsentChannel channel,
        String officialAccountId,
        @NotPersonalData("the public address of the school's own post")
        String link,
        List<String> pupilIds,
        LocalDate publishedOn,
        String checkId,
        String registeredBy,
        Instant registeredAt) {
}
