package uk.schoolsocial.account.roster.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * INT-1: the MIS pushes staff records. Only differences become events, so the same payload twice
 * changes nothing; a member missing from the payload is not a leaver (only a leaving date says so),
 * nor does it withdraw their leaving date (only their record without one does, ACC-7).
 */
public record SyncStaffRosterCommand(@TargetAggregateIdentifier RosterId rosterId, List<StaffRecord> records) {
}
