package uk.schoolsocial.incident.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.Severity;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/**
 * INC-3: SLT, or the DSL for safeguarding, records the initial assessment.
 *
 * @param actorRole       DSL when the assessor holds that role, SLT otherwise
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record AssessIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        String actorId,
        AssignedRole actorRole,
        Severity severity,
        Boolean safeguarding,
        Boolean possiblyIllegal,
        InvolvedPersonRole posterType,
        AssessmentRoute route,
        String notes,
        @TargetAggregateVersion Long expectedVersion) {
}
