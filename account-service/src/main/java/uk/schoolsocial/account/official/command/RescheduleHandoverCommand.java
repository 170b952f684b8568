package uk.schoolsocial.account.official.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-7: the leaver's leaving date moved to {@code leavingDate}. The answer is when the handover is due
 * now, or null when it is no longer open.
 */
public record RescheduleHandoverCommand(@TargetAggregateIdentifier AccountId accountId, String handoverId,
                                        LocalDate leavingDate) {
}
