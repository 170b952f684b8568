package uk.schoolsocial.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A person with parental responsibility gave written consent for a pupil's image on one
 * channel (CON-1).
 *
 * @param givenBy    the adult with parental responsibility who gave it
 * @param validUntil the last day it covers
 */
@Revision("1")
public record ConsentGivenEvent(
        String pupilConsentId,
        String schoolId,
        String pupilId,
        ConsentChannel channel,
        String givenBy,
        ConsentMethod method,
        String formReference,
        LocalDate givenOn,
        LocalDate validUntil,
        Instant recordedAt) {
}
