package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/** ACC-5: administrators of the account have not acknowledged the current policy version. */
@Revision("1")
public record AccountFlaggedEvent(
        String accountId,
        String schoolId,
        int policyVersion,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> administratorsOutOfDate,
        Instant at) {
}
