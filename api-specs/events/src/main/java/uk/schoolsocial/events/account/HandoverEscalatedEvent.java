package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-7: the handover was not done by its due time; SLT must act. */
@Revision("1")
public record HandoverEscalatedEvent(String accountId, String schoolId, String handoverId, Instant dueAt, Instant at) {
}
