package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * A volunteer (or parent) who helps run an official account is registered, so they can be named
 * as an administrator (ACC-1, ACC-5).
 */
@Revision("1")
public record VolunteerRegisteredEvent(
        String schoolId,
        String volunteerId,
        @PersonalData(whose = Whose.STAFF,
                retention = RetentionClass.STAFF_RECORD, sealedUnder = SubjectType.STAFF, keyFrom = "volunteerId")
        String forename,
        @PersonalData(whose = Whose.STAFF,
                retention = RetentionClass.STAFF_RECORD, sealedUnder = SubjectType.STAFF, keyFrom = "volunteerId")
        String surname,
        Instant registeredAt) {
}
