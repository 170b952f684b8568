package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every administrator acknowledged the current policy and is trained: the account may be used (ACC-5). */
@Revision("1")
public record AccountWentLiveEvent(String accountId, String schoolId, Instant at) {
}
