package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** ACC-9: SLT reviewed the account's purpose; the next review falls due on {@code nextReviewDue}. */
@Revision("1")
public record AccountReviewedEvent(String accountId, String schoolId, String reviewedBy, String notes, LocalDate nextReviewDue,
                                   Instant at) {
}
