package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-7: the handover ended: {@code TRANSFERRED} to {@code newAdministratorId}, or {@code CLOSED} with the account. */
@Revision("1")
public record HandoverCompletedEvent(String accountId, String schoolId, String handoverId, String outcome,
                                     String newAdministratorId, Instant at) {
}
