package uk.schoolsocial.account.shared.command;

/** ACC-3: the name of a current member of staff, as account names are checked against it. */
public record StaffName(String forename, String surname) {
}
