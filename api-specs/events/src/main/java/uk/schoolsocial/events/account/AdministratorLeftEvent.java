package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** ACC-7: an administrator of the account left the school and no longer administers it. */
@Revision("1")
public record AdministratorLeftEvent(String accountId, String schoolId, String administratorId, LocalDate leavingDate, Instant at) {
}
