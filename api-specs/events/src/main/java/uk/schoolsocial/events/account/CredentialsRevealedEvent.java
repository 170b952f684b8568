package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-6: a current administrator had the account's login details shown to them, and why. The
 * details themselves are never in an event.
 */
@Revision("1")
public record CredentialsRevealedEvent(String accountId, String schoolId, String revealedTo, String reason, Instant at) {
}
