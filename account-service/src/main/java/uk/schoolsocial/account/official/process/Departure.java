package uk.schoolsocial.account.official.process;

import java.time.LocalDate;

/** ACC-7: the payload of a leaver's departure deadline, at the end of their leaving date. */
record Departure(String schoolId, String staffId, LocalDate leavingDate) {
}
