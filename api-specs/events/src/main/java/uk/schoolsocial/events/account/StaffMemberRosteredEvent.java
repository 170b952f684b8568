package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * A member of staff is on the school's roster, or their roster entry changed (INT-1): from the
 * MIS push ({@code source} {@code MIS}) or a correction by hand ({@code HAND}). Only a change is
 * recorded, so the same MIS payload twice adds nothing.
 */
@Revision("1")
public record StaffMemberRosteredEvent(
        String schoolId,
        String staffId,
        @PersonalData(whose = Whose.STAFF,
                retention = RetentionClass.STAFF_RECORD, sealedUnder = SubjectType.STAFF, keyFrom = "staffId")
        String forename,
        @PersonalData(whose = Whose.STAFF,
                retention = RetentionClass.STAFF_RECORD, sealedUnder = SubjectType.STAFF, keyFrom = "staffId")
        String surname,
        @NotPersonalData("the system that sent the roster")
        String source,
        Instant recordedAt) {
}
