package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * CON-6: one pupil's entry in the roster the MIS pushes, as it stands now.
 *
 * @param parentalResponsibility the ids of the adults with parental responsibility
 * @param leftOn                 the day the pupil left, or null while they are at the school
 */
public record RosterPupilCommand(
        @TargetAggregateIdentifier PupilConsentId pupilConsentId,
        String schoolId,
        String pupilId,
        String givenName,
        String familyName,
        String yearGroup,
        LocalDate dateOfBirth,
        List<String> parentalResponsibility,
        LocalDate leftOn) {
}
