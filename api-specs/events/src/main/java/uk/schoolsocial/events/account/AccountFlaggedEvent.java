package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** ACC-5: administrators of the account have not acknowledged the current policy version. */
@Revision("1")
public record AccountFlaggedEvent(String accountId, String schoolId, int policyVersion, List<String> administratorsOutOfDate,
                                  Instant at) {
}
