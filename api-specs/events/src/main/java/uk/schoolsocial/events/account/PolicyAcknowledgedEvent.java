package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-5: an administrator of the account acknowledged a version of the school's social media policy. */
@Revision("1")
public record PolicyAcknowledgedEvent(String accountId, String schoolId, String administratorId, int policyVersion, Instant at) {
}
