package uk.schoolsocial.account.official.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-7: a member of staff who administers the account gave notice of {@code leavingDate} or, once it
 * has ended, left. The answer is the handover it opened, or null when enough fit administrators
 * remain, one is open already, or the leaver does not administer it (any more).
 */
public record RecordAdministratorLeftCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                             String administratorId, LocalDate leavingDate) {
}
