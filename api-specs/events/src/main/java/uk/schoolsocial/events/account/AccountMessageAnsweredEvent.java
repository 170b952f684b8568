package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-8: a logged comment, query or complaint was answered at {@code answeredAt}, as
 * {@code answeredBy} recorded it; {@code answer} summarises the reply, if given.
 */
@Revision("1")
public record AccountMessageAnsweredEvent(String messageId, String accountId, String schoolId, String answeredBy,
                                          Instant answeredAt, String answer, Instant at) {
}
