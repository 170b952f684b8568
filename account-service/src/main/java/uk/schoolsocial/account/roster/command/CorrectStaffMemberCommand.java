package uk.schoolsocial.account.roster.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A roster entry corrected by hand: adds or renames a member, records a leaver or moves their leaving
 * date (ACC-7), or, with no leaving date, withdraws a notice (the member is staying) or brings back
 * someone whose leaving date has ended.
 */
public record CorrectStaffMemberCommand(@TargetAggregateIdentifier RosterId rosterId, StaffRecord record) {
}
