package uk.schoolsocial.account.roster.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A roster entry corrected by hand: adds or renames a member, records a leaver (ACC-7), or, with
 * no leaving date, brings back someone marked as a leaver by mistake.
 */
public record CorrectStaffMemberCommand(@TargetAggregateIdentifier RosterId rosterId, StaffRecord record) {
}
