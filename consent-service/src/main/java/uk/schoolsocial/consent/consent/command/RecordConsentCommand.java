package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentMethod;

/**
 * CON-1: record written consent for one pupil and channel.
 *
 * @param validUntil null for the default, the end of the school's academic year ({@link AcademicYears})
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 * @param actorId    who is recording it
 * @param onBehalf   true when the actor may record a form on behalf of the adult who gave it
 *                   (STAFF, SLT); false for a parent, who can only give consent as themselves
 */
public record RecordConsentCommand(
        @TargetAggregateIdentifier PupilConsentId pupilConsentId,
        String schoolId,
        String pupilId,
        ConsentChannel channel,
        String givenBy,
        ConsentMethod method,
        String formReference,
        LocalDate givenOn,
        LocalDate validUntil,
        String actorId,
        boolean onBehalf,
        @TargetAggregateVersion Long expectedVersion) {
}
