package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * ACC-7: a member of staff (or registered volunteer) on notice is staying after all: the MIS sends
 * their record without the leaving date it sent before, or SLT removes it by hand, before the end of
 * that date. The handovers their notice opened are cancelled.
 *
 * @param withdrawnLeavingDate the leaving date that no longer holds
 */
@Revision("1")
public record StaffLeavingWithdrawnEvent(String schoolId, String staffId, LocalDate withdrawnLeavingDate,
                                         Instant recordedAt) {
}
