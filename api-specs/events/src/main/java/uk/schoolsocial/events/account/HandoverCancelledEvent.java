package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-7: the leaver's notice was withdrawn (they are staying, {@link StaffLeavingWithdrawnEvent}), so
 * the handover it opened is no longer needed; they still administer the account.
 */
@Revision("1")
public record HandoverCancelledEvent(String accountId, String schoolId, String handoverId, Instant at) {
}
