package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** ACC-7: after a departure fewer than two fit administrators remain, so the account must be handed over or closed by {@code dueAt}. */
@Revision("1")
public record HandoverOpenedEvent(String accountId, String schoolId, String handoverId, String leaverId,
                                  List<String> fitAdministrators, Instant dueAt, Instant at) {
}
