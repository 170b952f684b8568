package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A member of staff (or registered volunteer) leaves the school on {@code leavingDate}, from the MIS
 * roster or by hand (ACC-7). A date still to come is notice: they stay current until the end of that
 * date (in the school's time zone). A later event for the same member states a moved date (or restates
 * the date after a rename); {@link StaffLeavingWithdrawnEvent} withdraws it. Other services react:
 * open handovers, reassigned incidents.
 */
@Revision("1")
public record StaffMemberLeftEvent(String schoolId, String staffId, LocalDate leavingDate, Instant recordedAt) {
}
