package uk.schoolsocial.incident.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.incident.casefile.command.IncidentError;
import uk.schoolsocial.platform.error.DomainException;

/**
 * INC-3: an incident's initial assessment: when it is due, whether it is made, what it found about
 * the conduct, and who owns the case (its assessor, until they leave the school). Part of the
 * incident aggregate ({@code report.command.Incident}), which checks tenancy and that the incident
 * is open before it asks.
 */
public final class InitialAssessment {

    private Instant assessmentDue;
    private boolean assessed;
    /** Who owns the case: its assessor, until they leave the school. */
    private String ownerId;
    private boolean possiblyIllegal;

    /** INC-3: made once, by whoever may make it for the role the incident was routed to. */
    public void assess(String incidentId, String schoolId, AssessIncidentCommand command, AssignedRole routedTo,
                       Instant now) {
        if (assessed) {
            throw new DomainException(IncidentError.ALREADY_ASSESSED, "The initial assessment is made already");
        }
        IncidentAssessment assessment = IncidentAssessment.check(command, routedTo);
        apply(assessment.toEvent(incidentId, schoolId, now, !now.isAfter(assessmentDue)));
    }

    /** INC-3: the target passed; overdue unless the assessment was made. */
    public void targetPassed(String incidentId, String schoolId, Instant dueAt, Instant now) {
        if (!assessed) {
            apply(new AssessmentOverdueEvent(incidentId, schoolId, dueAt, now));
        }
    }

    public boolean assessed() {
        return assessed;
    }

    /** INC-4: what the assessment found; such conduct goes to the police before the incident closes. */
    public boolean possiblyIllegal() {
        return possiblyIllegal;
    }

    /** The case's owner, null before the assessment and once it went back to a role. */
    public String ownerId() {
        return ownerId;
    }

    @EventSourcingHandler
    void on(AssessmentTargetSetEvent event) {
        assessmentDue = event.dueAt();
    }

    @EventSourcingHandler
    void on(IncidentAssessedEvent event) {
        assessed = true;
        ownerId = event.assessorId();
        possiblyIllegal = event.possiblyIllegal();
    }

    @EventSourcingHandler
    void on(IncidentReassignedEvent event) {
        ownerId = null;
    }
}
