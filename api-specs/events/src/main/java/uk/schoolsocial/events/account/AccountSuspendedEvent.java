package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** SLT suspended an account, e.g. compromised or under investigation (ACC-9). Nothing may be published on it. */
@Revision("1")
public record AccountSuspendedEvent(String accountId, String schoolId, String reason, Instant at) {
}
