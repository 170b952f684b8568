package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member of staff is on the school's roster, or their roster entry changed (INT-1): from the
 * MIS push ({@code source} {@code MIS}) or a correction by hand ({@code HAND}). Only a change is
 * recorded, so the same MIS payload twice adds nothing.
 */
@Revision("1")
public record StaffMemberRosteredEvent(String schoolId, String staffId, String forename, String surname, String source,
                                       Instant recordedAt) {
}
