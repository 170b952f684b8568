package uk.schoolsocial.incident.oversight.query;

import jakarta.inject.Singleton;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.incident.casefile.query.IncidentProjection;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * INC-2: fills the notification outbox. A new report notifies its assignee at once; an overdue
 * assessment (INC-3), a suggested helpline escalation (INC-5) and a reassignment after the owner
 * left notify the assignee again. The text names
 * the category and links to the incident; who is involved and what happened stay in the case file.
 * Idempotent: one row per event, keyed by incident and sequence number. The platform's
 * NotificationSender e-mails each row to the role's mailboxes at the school (issue 12).
 */
@Singleton
@ProcessingGroup(IncidentProjection.GROUP)
public class NotificationProjection {

    private final NotificationRepository outbox;
    private final IncidentViewRepository views;

    NotificationProjection(NotificationRepository outbox, IncidentViewRepository views) {
        this.outbox = outbox;
        this.views = views;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long seq) {
        notify(event.incidentId(), seq, event.schoolId(), event.assignedRole().name(), event.category().name(),
                "REPORTED", "New incident to handle: ", event.reportedAt());
    }

    @EventHandler
    void on(AssessmentOverdueEvent event, @SequenceNumber long seq) {
        views.findById(event.incidentId()).ifPresent(view -> notify(event.incidentId(), seq, event.schoolId(),
                view.assignedRole(), view.category(), "ASSESSMENT_OVERDUE", "Initial assessment overdue: ",
                event.flaggedAt()));
    }

    @EventHandler
    void on(TakedownEscalationSuggestedEvent event, @SequenceNumber long seq) {
        views.findById(event.incidentId()).ifPresent(view -> notify(event.incidentId(), seq, event.schoolId(),
                view.assignedRole(), view.category(), "HELPLINE_SUGGESTED",
                "Platform has not removed a post; consider the helpline: ", event.suggestedAt()));
    }

    @EventHandler
    void on(IncidentReassignedEvent event, @SequenceNumber long seq) {
        views.findById(event.incidentId()).ifPresent(view -> notify(event.incidentId(), seq, event.schoolId(),
                event.toRole().name(), view.category(), "REASSIGNED", "Incident reassigned to you, its owner left: ",
                event.reassignedAt()));
    }

    private void notify(String incidentId, long seq, String schoolId, String role, String category, String kind,
                        String lead, java.time.Instant at) {
        String id = incidentId + ":" + seq;
        VersionedRows.insertOnce(outbox, id, () -> Notification.pending(id, schoolId, incidentId, role, kind,
                lead + category.toLowerCase(Locale.ROOT).replace('_', ' ') + " incident",
                "/api/v1/incidents/" + incidentId, at));
    }
}
