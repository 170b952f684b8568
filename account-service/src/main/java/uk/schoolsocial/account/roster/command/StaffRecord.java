package uk.schoolsocial.account.roster.command;

import java.time.LocalDate;

/**
 * One member of staff as the MIS (or a correction by hand) states them; a leaving date marks a leaver,
 * on notice (still current) until that date ends (ACC-7).
 */
public record StaffRecord(String staffId, String forename, String surname, LocalDate leavingDate) {
}
