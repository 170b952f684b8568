package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A volunteer (or parent) who helps run an official account is registered, so they can be named
 * as an administrator (ACC-1, ACC-5).
 */
@Revision("1")
public record VolunteerRegisteredEvent(String schoolId, String volunteerId, String forename, String surname,
                                       Instant registeredAt) {
}
