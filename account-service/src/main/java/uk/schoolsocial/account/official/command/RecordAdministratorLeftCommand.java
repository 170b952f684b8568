package uk.schoolsocial.account.official.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-7: a member of staff who administers the account left. The answer is the handover it
 * opened, or null when enough fit administrators remain (or the leaver did not administer it).
 */
public record RecordAdministratorLeftCommand(@TargetAggregateIdentifier AccountId accountId, String schoolId,
                                             String administratorId, LocalDate leavingDate) {
}
