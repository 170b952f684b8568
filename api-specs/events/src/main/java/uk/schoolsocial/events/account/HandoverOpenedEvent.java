package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/** ACC-7: after a departure fewer than two fit administrators remain, so the account must be handed over or closed by {@code dueAt}. */
@Revision("1")
public record HandoverOpenedEvent(
        String accountId,
        String schoolId,
        String handoverId,
        String leaverId,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> fitAdministrators,
        Instant dueAt,
        Instant at) {
}
