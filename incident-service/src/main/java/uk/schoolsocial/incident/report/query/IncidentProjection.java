package uk.schoolsocial.incident.report.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.incident.IncidentReportedEvent;

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
        if (views.existsById(event.incidentId())) {
            return;
        }
        views.save(new IncidentView(event.incidentId(), event.schoolId(), "REPORTED", version, event.reporterId(),
                event.category().name(), event.whatHappened(), event.occurredAt(), event.platform(), event.location(),
                event.officialAccountInvolved(),
                event.peopleInvolved().stream()
                        .map(p -> new PersonInvolved(p.role().name(), p.rosterId(), p.description())).toList(),
                event.assignedRole().name(), event.routingReason().name(), event.reportedAt(), event.reportedAt()));
    }
}
