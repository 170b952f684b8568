package uk.schoolsocial.incident.casefile.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.EscalationResponseRecordedEvent;
import uk.schoolsocial.events.incident.EvidenceAddedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.events.incident.IncidentReopenedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.TakedownAbandonedEvent;
import uk.schoolsocial.events.incident.TakedownConfirmedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code incident_view}. Idempotent: an event at or below the stored version was applied
 * already (delivery is at least once), so a replay from zero gives the same rows.
 */
@Singleton
@ProcessingGroup(IncidentProjection.GROUP)
public class IncidentProjection {

    public static final String GROUP = "incident-reports";
    private final IncidentViewRepository views;

    IncidentProjection(IncidentViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long version) {
        VersionedRows.insertOnce(views, event.incidentId(), () -> new IncidentView(event.incidentId(), event.schoolId(),
                "REPORTED", version, event.reporterId(), event.category().name(), event.whatHappened(),
                event.occurredAt(), event.platform(), event.location(), event.officialAccountInvolved(),
                event.peopleInvolved().stream()
                        .map(p -> new PersonInvolved(p.role().name(), p.rosterId(), p.description())).toList(),
                event.assignedRole().name(), event.routingReason().name(), event.reportedAt(), event.reportedAt(),
                null, false, null, null, null, null, null, null));
    }

    @EventHandler
    void on(EvidenceAddedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.evidence.add(new CaseNotes.Evidence(event.evidenceId(),
                event.mediaType(), event.sizeBytes(), event.sha256(), event.description(), event.addedBy(),
                event.addedAt())));
    }

    @EventHandler
    void on(AssessmentTargetSetEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.dueAt = event.dueAt());
    }

    @EventHandler
    void on(AssessmentOverdueEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.overdue = true);
    }

    @EventHandler
    void on(IncidentAssessedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> {
            d.status("ASSESSED", event.assessedAt());
            d.overdue = false;
            d.ownerId = event.assessorId();
            d.assessment = new CaseNotes.Assessment(event.assessorId(), event.assessorRole().name(),
                    event.severity().name(), event.safeguarding(), event.possiblyIllegal(), event.posterType().name(),
                    event.route().name(), event.internalProcedure() == null ? null : event.internalProcedure().name(),
                    event.notes(), event.assessedAt(), event.onTime());
        });
    }

    @EventHandler
    void on(EscalationRecordedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.escalations.add(new CaseNotes.Escalation(event.escalationId(),
                event.body().name(), event.escalatedAt(), event.escalatedBy(), event.externalReference(),
                event.details(), event.recordedAt(), null, null, null)));
    }

    @EventHandler
    void on(EscalationResponseRecordedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.escalation(event.escalationId(), e -> new CaseNotes.Escalation(
                e.id(), e.body(), e.escalatedAt(), e.escalatedBy(), e.externalReference(), e.details(), e.recordedAt(),
                event.response(), event.externalReference(), event.recordedAt())));
    }

    @EventHandler
    void on(TakedownRequestedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.takedowns.add(new CaseNotes.Takedown(event.takedownId(),
                event.addressee().name(), event.addressedTo(), event.reference(), event.requestedBy(),
                event.requestedAt(), "REQUESTED", null, null, null, event.dueAt())));
    }

    @EventHandler
    void on(TakedownEscalationSuggestedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.takedown(event.takedownId(), t -> new CaseNotes.Takedown(t.id(),
                t.addressee(), t.addressedTo(), t.reference(), t.requestedBy(), t.requestedAt(), t.state(), t.note(),
                t.settledAt(), event.suggestedAt(), t.dueAt())));
    }

    @EventHandler
    void on(TakedownConfirmedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.takedown(event.takedownId(), t -> settled(t, "REMOVED",
                event.note(), event.confirmedAt())));
    }

    @EventHandler
    void on(TakedownAbandonedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> d.takedown(event.takedownId(), t -> settled(t, "ABANDONED",
                event.reason(), event.abandonedAt())));
    }

    @EventHandler
    void on(IncidentReassignedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> {
            d.assignedRole = event.toRole().name();
            d.ownerId = null;
        });
    }

    @EventHandler
    void on(IncidentClosedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> {
            d.status("CLOSED", event.closedAt());
            d.closure = new CaseNotes.Closure(event.closedBy(), event.outcome(), event.actionsTaken(), event.closedAt());
        });
    }

    @EventHandler
    void on(IncidentReopenedEvent event, @SequenceNumber long version) {
        update(event.incidentId(), version, d -> {
            d.status("ASSESSED", event.reopenedAt());
            d.closure = null;
        });
    }

    private static CaseNotes.Takedown settled(CaseNotes.Takedown t, String state, String note, Instant at) {
        return new CaseNotes.Takedown(t.id(), t.addressee(), t.addressedTo(), t.reference(), t.requestedBy(),
                t.requestedAt(), state, note, at, t.escalationSuggestedAt(), t.dueAt());
    }

    /** Applies a change once: an event at or below the stored version was applied already. */
    private void update(String incidentId, long version, Consumer<Draft> change) {
        VersionedRows.update(views, incidentId, version, view -> {
            Draft draft = new Draft(view);
            change.accept(draft);
            return view.with(version, draft.status, draft.assignedRole, draft.ownerId, draft.changedAt,
                    draft.dueAt, draft.overdue,
                    draft.assessment, List.copyOf(draft.escalations), List.copyOf(draft.takedowns), draft.closure,
                    List.copyOf(draft.evidence));
        });
    }

    /** The changeable part of a view while one event is applied. */
    private static final class Draft {
        private String status;
        private String assignedRole;
        private String ownerId;
        private Instant changedAt;
        private Instant dueAt;
        private boolean overdue;
        private CaseNotes.Assessment assessment;
        private final List<CaseNotes.Escalation> escalations;
        private final List<CaseNotes.Takedown> takedowns;
        private CaseNotes.Closure closure;
        private final List<CaseNotes.Evidence> evidence;

        Draft(IncidentView view) {
            status = view.status();
            assignedRole = view.assignedRole();
            ownerId = view.ownerId();
            changedAt = view.statusChangedAt();
            dueAt = view.assessmentDueAt();
            overdue = view.assessmentOverdue();
            assessment = view.assessment();
            escalations = new ArrayList<>(view.escalationList());
            takedowns = new ArrayList<>(view.takedownList());
            closure = view.closure();
            evidence = new ArrayList<>(view.evidenceList());
        }

        void status(String newStatus, Instant at) {
            status = newStatus;
            changedAt = at;
        }

        void escalation(String id, UnaryOperator<CaseNotes.Escalation> change) {
            escalations.replaceAll(e -> e.id().equals(id) ? change.apply(e) : e);
        }

        void takedown(String id, UnaryOperator<CaseNotes.Takedown> change) {
            takedowns.replaceAll(t -> t.id().equals(id) ? change.apply(t) : t);
        }
    }
}
