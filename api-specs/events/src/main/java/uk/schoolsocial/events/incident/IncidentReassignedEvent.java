package uk.schoolsocial.events.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An open incident's owner left the school (account-service's StaffMemberLeftEvent), so the
 * incident went back to {@code toRole} to be picked up (ACC-7 across services).
 *
 * @param fromOwnerId the member of staff who owned it: its assessor
 */
@Revision("1")
public record IncidentReassignedEvent(String incidentId, String schoolId, String fromOwnerId, AssignedRole toRole,
                                      Instant reassignedAt) {
}
