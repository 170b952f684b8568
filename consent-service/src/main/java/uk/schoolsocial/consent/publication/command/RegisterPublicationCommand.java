package uk.schoolsocial.consent.publication.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * CON-5: register a publication. The web layer has re-run the check of the same content (CON-4);
 * {@code checkPassed} says whether it passed and {@code checkId} is the content's id.
 */
public record RegisterPublicationCommand(@TargetAggregateIdentifier String publicationId, String schoolId,
                                         ConsentChannel channel, String officialAccountId, String link,
                                         List<String> pupilIds, LocalDate publishedOn, String checkId,
                                         boolean checkPassed, String actorId) {
}
