package uk.schoolsocial.incident.report.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.events.incident.IncidentReopenedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.incident.assessment.command.AssessIncidentCommand;
import uk.schoolsocial.incident.assessment.command.InitialAssessment;
import uk.schoolsocial.incident.casefile.command.IncidentError;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;
import uk.schoolsocial.incident.casefile.command.StepDetails;
import uk.schoolsocial.incident.escalation.command.Escalations;
import uk.schoolsocial.incident.escalation.command.RecordEscalationCommand;
import uk.schoolsocial.incident.escalation.command.RecordEscalationResponseCommand;
import uk.schoolsocial.incident.evidence.command.AddEvidenceCommand;
import uk.schoolsocial.incident.evidence.command.EvidenceRules;
import uk.schoolsocial.incident.takedown.command.RequestTakedownCommand;
import uk.schoolsocial.incident.takedown.command.SettleTakedownCommand;
import uk.schoolsocial.incident.takedown.command.TakedownPeriods;
import uk.schoolsocial.incident.takedown.command.TakedownRequests;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * A social media incident from its report (INC-1) and routing (INC-2) through its initial
 * assessment (INC-3), escalations (INC-4) and takedown requests (INC-5) to closure (INC-6). Its
 * assessment, escalations and takedown requests are members of it, each in its feature; the root
 * checks tenancy and that the incident is open, and owns the deadlines.
 */
public class Incident {

    static final String ASSESSMENT_DUE = "incident-assessment-due";
    static final String TAKEDOWN_UNANSWERED = "incident-takedown-unanswered";

    @AggregateIdentifier
    private String incidentId;
    private String schoolId;
    private String reporterId;
    private AssignedRole assignedRole;
    // The members' fields show at the top level of the record as of any moment (AUD-2), in this order
    // (platform's RecordStateWriter unwraps every single @AggregateMember).
    @AggregateMember
    private final InitialAssessment assessment = new InitialAssessment();
    private boolean closed;
    @AggregateMember
    private final Escalations escalations = new Escalations();
    @AggregateMember
    private final TakedownRequests takedowns = new TakedownRequests();

    protected Incident() {
        // for Axon
    }

    /** The narrative is recorded exactly as written: it may be evidence, so it is never trimmed. */
    @CommandHandler
    public Incident(ReportIncidentCommand command, Clock clock, IncidentTimings timings, DeadlineManager deadlines) {
        Instant now = clock.instant();
        IncidentReport.check(command, now);
        var people = command.peopleInvolved().stream().map(Incident::tidy).toList();
        IncidentRouting.Route route = IncidentRouting.route(command.category(), people);
        String id = command.incidentId().value();
        apply(new IncidentReportedEvent(id, command.schoolId(), command.reporterId(),
                command.category(), command.whatHappened(), command.occurredAt(), command.platform().strip(),
                command.location().strip(), command.officialAccountInvolved(), people, route.role(), route.reason(),
                now));
        Instant due = timings.assessmentDue(now);
        apply(new AssessmentTargetSetEvent(id, command.schoolId(), due));
        // INC-3: a persistent deadline, so an overdue assessment surfaces even across restarts.
        deadlines.schedule(due, ASSESSMENT_DUE, due);
    }

    /** INC-1, INC-7: the reporter adds to their own report; to anyone else it does not exist. */
    @CommandHandler
    long handle(AddEvidenceCommand command, Clock clock) {
        ownedBy(command.schoolId());
        if (!command.handler() && !reporterId.equals(command.actorId())) {
            throw new DomainException(PlatformError.NOT_FOUND, "No such incident");
        }
        open();
        EvidenceRules.add(incidentId, schoolId, command, clock.instant());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AssessIncidentCommand command, Clock clock, DeadlineManager deadlines) {
        ownedBy(command.schoolId());
        open();
        assessment.assess(incidentId, schoolId, command, assignedRole, clock.instant());
        deadlines.cancelAllWithinScope(ASSESSMENT_DUE);
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = ASSESSMENT_DUE)
    void assessmentDue(Instant dueAt, Clock clock) {
        if (!closed) {
            assessment.targetPassed(incidentId, schoolId, dueAt, clock.instant());
        }
    }

    @CommandHandler
    long handle(RecordEscalationCommand command, Clock clock) {
        ownedBy(command.schoolId());
        open();
        escalations.record(incidentId, schoolId, command, clock.instant());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordEscalationResponseCommand command, Clock clock) {
        ownedBy(command.schoolId());
        escalations.recordResponse(incidentId, schoolId, command, clock.instant());
        return AggregateLifecycle.getVersion();
    }

    /**
     * INC-5: a request to a platform falls due after the school's period for that platform (the
     * configured default, 48 hours, where it set none), fixed now so a later change does not move it.
     */
    @CommandHandler
    long handle(RequestTakedownCommand command, Clock clock, IncidentTimings timings, TakedownPeriods periods,
                DeadlineManager deadlines) {
        ownedBy(command.schoolId());
        open();
        Instant dueAt = takedowns.request(incidentId, schoolId, command, clock.instant(), periods,
                timings.takedownEscalateAfter());
        if (dueAt != null) {
            // INC-5: a platform that has not acted by then is a case for the helpline.
            deadlines.schedule(dueAt, TAKEDOWN_UNANSWERED, command.takedownId());
        }
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = TAKEDOWN_UNANSWERED)
    void takedownUnanswered(String takedownId, Clock clock) {
        if (!closed) {
            takedowns.unanswered(incidentId, schoolId, takedownId, clock.instant());
        }
    }

    @CommandHandler
    long handle(SettleTakedownCommand command, Clock clock) {
        ownedBy(command.schoolId());
        takedowns.settle(incidentId, schoolId, command, clock.instant());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseIncidentCommand command, Clock clock) {
        ownedBy(command.schoolId());
        open();
        StepDetails.of("closure").requireText("outcome", command.outcome())
                .requireText("actionsTaken", command.actionsTaken()).orRefuse();
        if (!assessment.assessed()) {
            throw new DomainException(IncidentError.NOT_ASSESSED, "An incident closes after its initial assessment");
        }
        if (assessment.possiblyIllegal() && !escalations.includes(EscalationBody.POLICE)) {
            throw new DomainException(IncidentError.POLICE_ESCALATION_REQUIRED,
                    "Possibly illegal conduct must be escalated to the police before the incident closes");
        }
        apply(new IncidentClosedEvent(incidentId, schoolId, command.actorId(), command.outcome().strip(),
                command.actionsTaken().strip(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenIncidentCommand command, Clock clock) {
        ownedBy(command.schoolId());
        if (!closed) {
            throw new DomainException(IncidentError.INCIDENT_NOT_CLOSED, "Only a closed incident can be reopened");
        }
        StepDetails.of("reopening").requireText("reason", command.reason()).orRefuse();
        apply(new IncidentReopenedEvent(incidentId, schoolId, command.actorId(), command.reason().strip(),
                clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A leaver's open incidents go back to SLT. Idempotent: an incident the leaver does not own, or
     * a closed one, is left as it is, so a replayed leaving changes nothing.
     */
    @CommandHandler
    long handle(ReassignLeaversIncidentCommand command, Clock clock) {
        ownedBy(command.schoolId());
        String ownerId = assessment.ownerId();
        if (!closed && command.leaverId().equals(ownerId)) {
            apply(new IncidentReassignedEvent(incidentId, schoolId, ownerId, AssignedRole.SLT, clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Tenancy: another school's incident does not exist for the caller. */
    private void ownedBy(String callerSchool) {
        if (!schoolId.equals(callerSchool)) {
            throw new DomainException(PlatformError.NOT_FOUND, "No such incident");
        }
    }

    private void open() {
        if (closed) {
            throw new DomainException(IncidentError.INCIDENT_CLOSED, "The incident is closed; reopen it first");
        }
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        schoolId = event.schoolId();
        reporterId = event.reporterId();
        assignedRole = event.assignedRole();
    }

    @EventSourcingHandler
    void on(IncidentReassignedEvent event) {
        assignedRole = event.toRole();
    }

    @EventSourcingHandler
    void on(IncidentClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(IncidentReopenedEvent event) {
        closed = false;
    }

    private static InvolvedPerson tidy(InvolvedPerson person) {
        return new InvolvedPerson(person.role(), StepDetails.tidy(person.rosterId()),
                StepDetails.tidy(person.description()));
    }
}
