package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** SLT reinstated a suspended account (ACC-9). */
@Revision("1")
public record AccountReinstatedEvent(String accountId, String schoolId, String reason, Instant at) {
}
