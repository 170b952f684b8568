package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * ACC-7: the leaver's leaving date moved, so the open handover is now due at {@code dueAt}: the end of
 * the new leaving date in the school's time zone, or a set time from now when that date has passed.
 */
@Revision("1")
public record HandoverRescheduledEvent(String accountId, String schoolId, String handoverId, LocalDate leavingDate,
                                       Instant dueAt, Instant at) {
}
