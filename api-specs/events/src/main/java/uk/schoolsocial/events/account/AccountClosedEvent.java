package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The account was closed, by SLT or at the end of a handover (ACC-7, ACC-9). Final. */
@Revision("1")
public record AccountClosedEvent(String accountId, String schoolId, String reason, Instant at) {
}
