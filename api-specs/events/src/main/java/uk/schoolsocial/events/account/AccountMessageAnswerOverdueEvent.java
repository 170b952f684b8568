package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-8: no answer to the message was recorded by {@code dueAt}, so the response rule is breached
 * and SLT is told. Recorded once, at {@code at}, when the message's deadline fires; an answer
 * recorded later, even one dated before {@code dueAt}, does not undo it (the read model still
 * judges each message by its answer's time). Ids and times only: no personal data.
 */
@Revision("1")
public record AccountMessageAnswerOverdueEvent(String messageId, String accountId, String schoolId, Instant dueAt,
                                               Instant at) {
}
