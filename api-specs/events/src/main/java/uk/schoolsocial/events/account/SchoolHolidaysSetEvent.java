package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** ACC-8: the school's holidays, all of them, replacing those set before (ordered by first day). */
@Revision("1")
public record SchoolHolidaysSetEvent(String schoolId, List<SchoolHoliday> holidays, Instant at) {
}
