package uk.schoolsocial.incident.report.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member of staff left the school: if they own this open incident, it goes back to SLT. */
public record ReassignLeaversIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String leaverId) {
}
