package uk.schoolsocial.incident.report.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/** A member of staff left the school: if they own this open incident, it goes back to SLT. */
public record ReassignLeaversIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String leaverId) {
}
