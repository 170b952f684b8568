package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/**
 * INC-5: SLT set how long the school gives a platform to act on a takedown request before it falls
 * due (and escalation to the helpline is suggested), in place of the suite's default of 48 hours.
 * It counts for requests made from then on; a request keeps the due time it was given.
 *
 * @param platform the platform as SLT named it; requests to a platform of the same name, compared
 *                 without case and surrounding spaces, take this period
 * @param hours    from 1 to 336 (two weeks)
 */
@Revision("1")
public record TakedownPeriodSetEvent(
        String schoolId,
        @NotPersonalData("the name of a social media platform")
        String platform,
        int hours,
        String setBy,
        Instant setAt) {
}
