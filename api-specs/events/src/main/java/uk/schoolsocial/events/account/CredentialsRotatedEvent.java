package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-6, ACC-7: the account's login details were changed (never the details themselves: they are not in any event). */
@Revision("1")
public record CredentialsRotatedEvent(String accountId, String schoolId, String reason, Instant at) {
}
