package uk.schoolsocial.incident.report.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.EvidenceAddedEvent;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.EscalationResponseRecordedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.events.incident.IncidentReopenedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.TakedownAbandonedEvent;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.events.incident.TakedownConfirmedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * A social media incident from its report (INC-1) and routing (INC-2) through its initial
 * assessment (INC-3), escalations (INC-4) and takedown requests (INC-5) to closure (INC-6).
 */
public class Incident {

    static final String ASSESSMENT_DUE = "incident-assessment-due";
    static final String TAKEDOWN_UNANSWERED = "incident-takedown-unanswered";

    @AggregateIdentifier
    private String incidentId;
    private String schoolId;
    private String reporterId;
    private AssignedRole assignedRole;
    private Instant assessmentDue;
    private boolean assessed;
    /** Who owns the case: its assessor, until they leave the school. */
    private String ownerId;
    private boolean possiblyIllegal;
    private boolean closed;
    private final Set<EscalationBody> escalatedTo = new HashSet<>();
    private final Map<String, Boolean> escalationAnswered = new HashMap<>();
    /** Takedown id to whether it is settled (removed or abandoned). */
    private final Map<String, Boolean> takedownSettled = new HashMap<>();
    /**
     * INC-5: takedown id to when a request to a platform falls due, as the request fixed it. No rule
     * reads it (the deadline carries it); it is here so the record as of any moment shows it (AUD-2).
     */
    private final Map<String, Instant> takedownDueAt = new HashMap<>();

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
        EvidenceRules.check(command);
        apply(new EvidenceAddedEvent(incidentId, schoolId, command.evidenceId(), command.mediaType(),
                command.sizeBytes(), command.sha256(), StepDetails.tidy(command.description()), command.actorId(),
                clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AssessIncidentCommand command, Clock clock, DeadlineManager deadlines) {
        ownedBy(command.schoolId());
        open();
        if (assessed) {
            throw new DomainException(IncidentError.ALREADY_ASSESSED, "The initial assessment is made already");
        }
        IncidentAssessment assessment = IncidentAssessment.check(command, assignedRole);
        Instant now = clock.instant();
        apply(assessment.toEvent(incidentId, schoolId, now, !now.isAfter(assessmentDue)));
        deadlines.cancelAllWithinScope(ASSESSMENT_DUE);
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = ASSESSMENT_DUE)
    void assessmentDue(Instant dueAt, Clock clock) {
        if (!assessed && !closed) {
            apply(new AssessmentOverdueEvent(incidentId, schoolId, dueAt, clock.instant()));
        }
    }

    @CommandHandler
    long handle(RecordEscalationCommand command, Clock clock) {
        ownedBy(command.schoolId());
        open();
        Instant now = clock.instant();
        StepDetails.of("escalation").require("body", command.body()).require("escalatedAt", command.escalatedAt())
                .check(command.escalatedAt() == null || !command.escalatedAt().isAfter(now.plus(IncidentReport.CLOCK_SKEW)),
                        "escalatedAt", "must not be in the future")
                .orRefuse();
        apply(new EscalationRecordedEvent(incidentId, schoolId, command.escalationId(), command.body(),
                command.escalatedAt(), command.actorId(), StepDetails.tidy(command.externalReference()),
                StepDetails.tidy(command.details()), now));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordEscalationResponseCommand command, Clock clock) {
        ownedBy(command.schoolId());
        Boolean answered = escalationAnswered.get(command.escalationId());
        if (answered == null) {
            throw new DomainException(IncidentError.UNKNOWN_ESCALATION, "No such escalation on this incident");
        }
        if (answered) {
            throw new DomainException(IncidentError.ESCALATION_ANSWERED, "The response is recorded already");
        }
        StepDetails.of("response").requireText("response", command.response()).orRefuse();
        apply(new EscalationResponseRecordedEvent(incidentId, schoolId, command.escalationId(), command.response(),
                StepDetails.tidy(command.externalReference()), command.actorId(), clock.instant()));
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
        StepDetails.of("takedown request").require("addressee", command.addressee())
                .requireText("addressedTo", command.addressedTo()).orRefuse();
        Instant now = clock.instant();
        String addressedTo = command.addressedTo().strip();
        Instant dueAt = command.addressee() == TakedownAddressee.PLATFORM
                ? now.plus(periods.of(schoolId, addressedTo).orElse(timings.takedownEscalateAfter())) : null;
        apply(new TakedownRequestedEvent(incidentId, schoolId, command.takedownId(), command.addressee(),
                addressedTo, StepDetails.tidy(command.reference()), command.actorId(), now, dueAt));
        if (dueAt != null) {
            // INC-5: a platform that has not acted by then is a case for the helpline.
            deadlines.schedule(dueAt, TAKEDOWN_UNANSWERED, command.takedownId());
        }
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = TAKEDOWN_UNANSWERED)
    void takedownUnanswered(String takedownId, Clock clock) {
        if (Boolean.FALSE.equals(takedownSettled.get(takedownId)) && !closed) {
            apply(new TakedownEscalationSuggestedEvent(incidentId, schoolId, takedownId,
                    EscalationBody.PROFESSIONALS_ONLINE_SAFETY_HELPLINE, clock.instant()));
        }
    }

    @CommandHandler
    long handle(SettleTakedownCommand command, Clock clock) {
        ownedBy(command.schoolId());
        Boolean settled = takedownSettled.get(command.takedownId());
        if (settled == null) {
            throw new DomainException(IncidentError.UNKNOWN_TAKEDOWN, "No such takedown request on this incident");
        }
        if (settled) {
            throw new DomainException(IncidentError.TAKEDOWN_SETTLED, "The takedown request is settled already");
        }
        if (command.removed()) {
            apply(new TakedownConfirmedEvent(incidentId, schoolId, command.takedownId(), command.actorId(),
                    StepDetails.tidy(command.note()), clock.instant()));
        } else {
            StepDetails.of("abandonment").requireText("reason", command.note()).orRefuse();
            apply(new TakedownAbandonedEvent(incidentId, schoolId, command.takedownId(), command.actorId(),
                    command.note().strip(), clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseIncidentCommand command, Clock clock) {
        ownedBy(command.schoolId());
        open();
        StepDetails.of("closure").requireText("outcome", command.outcome())
                .requireText("actionsTaken", command.actionsTaken()).orRefuse();
        if (!assessed) {
            throw new DomainException(IncidentError.NOT_ASSESSED, "An incident closes after its initial assessment");
        }
        if (possiblyIllegal && !escalatedTo.contains(EscalationBody.POLICE)) {
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
    void on(EscalationRecordedEvent event) {
        escalatedTo.add(event.body());
        escalationAnswered.put(event.escalationId(), false);
    }

    @EventSourcingHandler
    void on(EscalationResponseRecordedEvent event) {
        escalationAnswered.put(event.escalationId(), true);
    }

    @EventSourcingHandler
    void on(TakedownRequestedEvent event) {
        takedownSettled.put(event.takedownId(), false);
        if (event.dueAt() != null) {
            takedownDueAt.put(event.takedownId(), event.dueAt());
        }
    }

    @EventSourcingHandler
    void on(TakedownConfirmedEvent event) {
        takedownSettled.put(event.takedownId(), true);
    }

    @EventSourcingHandler
    void on(TakedownAbandonedEvent event) {
        takedownSettled.put(event.takedownId(), true);
    }

    @EventSourcingHandler
    void on(IncidentReassignedEvent event) {
        ownerId = null;
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
