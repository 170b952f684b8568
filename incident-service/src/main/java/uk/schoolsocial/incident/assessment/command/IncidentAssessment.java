package uk.schoolsocial.incident.assessment.command;

import java.time.Instant;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.InternalProcedure;
import uk.schoolsocial.incident.casefile.command.IncidentError;
import uk.schoolsocial.incident.casefile.command.StepDetails;
import uk.schoolsocial.platform.error.DomainException;

/**
 * INC-3: what an initial assessment needs and who may make it. Safeguarding (an incident routed
 * to the DSL, or one the assessment finds to be safeguarding) is assessed by the DSL. An internal
 * route follows the procedure for the kind of person who posted it (seeds 000, 003), so it needs
 * a poster from the school community.
 */
final class IncidentAssessment {

    private final AssessIncidentCommand command;
    private final InternalProcedure procedure;

    private IncidentAssessment(AssessIncidentCommand command, InternalProcedure procedure) {
        this.command = command;
        this.procedure = procedure;
    }

    static IncidentAssessment check(AssessIncidentCommand command, AssignedRole routedTo) {
        InternalProcedure procedure = command.route() == AssessmentRoute.INTERNAL && command.posterType() != null
                ? procedureFor(command) : null;
        StepDetails.of("assessment").require("severity", command.severity())
                .require("safeguarding", command.safeguarding())
                .require("possiblyIllegal", command.possiblyIllegal())
                .require("posterType", command.posterType())
                .require("route", command.route())
                .check(command.route() != AssessmentRoute.INTERNAL || command.posterType() == null || procedure != null,
                        "route", "INTERNAL needs a poster from the school community (pupil, staff, governor or parent)")
                .orRefuse();
        boolean safeguarding = routedTo == AssignedRole.DSL || command.safeguarding();
        if (safeguarding && command.actorRole() != AssignedRole.DSL) {
            throw new DomainException(IncidentError.SAFEGUARDING_NEEDS_DSL,
                    "A safeguarding incident is assessed by the DSL");
        }
        return new IncidentAssessment(command, procedure);
    }

    private static InternalProcedure procedureFor(AssessIncidentCommand command) {
        return switch (command.posterType()) {
            case PUPIL -> InternalProcedure.BEHAVIOUR_POLICY;
            case STAFF, GOVERNOR -> InternalProcedure.CODE_OF_CONDUCT;
            case PARENT -> InternalProcedure.ASK_TO_REMOVE_THEN_COMPLAINTS;
            case THIRD_PARTY, UNKNOWN -> null;
        };
    }

    IncidentAssessedEvent toEvent(String incidentId, String schoolId, Instant now, boolean onTime) {
        return new IncidentAssessedEvent(incidentId, schoolId, command.actorId(), command.actorRole(),
                command.severity(), command.safeguarding(), command.possiblyIllegal(), command.posterType(),
                command.route(), procedure, StepDetails.tidy(command.notes()), now, onTime);
    }
}
