package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * SLT reinstated a suspended account (ACC-9).
 *
 * @param status where the account stands again: {@code LIVE} if it had gone live before its suspension,
 *               else {@code PROVISIONED} (ACC-5: it goes live only once every administrator is fit). Null on
 *               events recorded before it was carried; readers then judge by whether the account went live.
 */
@Revision("1")
public record AccountReinstatedEvent(String accountId, String schoolId, String reason, Instant at, String status) {
}
