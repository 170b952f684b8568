package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-5: an administrator of the account completed the training, as SLT or an account administrator recorded it. */
@Revision("1")
public record AdministratorTrainedEvent(String accountId, String schoolId, String administratorId, String recordedBy, Instant at) {
}
