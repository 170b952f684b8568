package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A member of staff (or registered volunteer) leaves the school, from the MIS roster or by hand
 * (ACC-7). Other services react: open handovers, reassigned incidents.
 */
@Revision("1")
public record StaffMemberLeftEvent(String schoolId, String staffId, LocalDate leavingDate, Instant recordedAt) {
}
