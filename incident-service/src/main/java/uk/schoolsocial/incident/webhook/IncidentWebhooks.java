package uk.schoolsocial.incident.webhook;

import jakarta.inject.Singleton;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReopenedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.platform.webhook.WebhookAllowList;
import uk.schoolsocial.platform.webhook.WebhookEvent;
import uk.schoolsocial.platform.webhook.WebhookType;

/**
 * incident-service's events that subscribers hear of (INT-1, decision 12): an incident reported,
 * assessed, escalated, closed or reopened (INC-1, INC-3, INC-4, INC-6). Only SLT may subscribe to
 * them (INC-7: the case file is for SLT and the DSL); the payload has the incident's id and status,
 * never its category, description, people or the body it was escalated to.
 */
@Singleton
class IncidentWebhooks extends WebhookAllowList {

    IncidentWebhooks() {
        on(IncidentReportedEvent.class, e -> incident(WebhookType.INCIDENT_REPORTED, e.incidentId(), "REPORTED"));
        on(IncidentAssessedEvent.class, e -> incident(WebhookType.INCIDENT_ASSESSED, e.incidentId(), "ASSESSED"));
        on(EscalationRecordedEvent.class, e -> incident(WebhookType.INCIDENT_ESCALATED, e.incidentId(), "ESCALATED"));
        on(IncidentClosedEvent.class, e -> incident(WebhookType.INCIDENT_CLOSED, e.incidentId(), "CLOSED"));
        on(IncidentReopenedEvent.class, e -> incident(WebhookType.INCIDENT_REOPENED, e.incidentId(), "REOPENED"));
    }

    private static WebhookEvent incident(WebhookType type, String incidentId, String status) {
        return WebhookEvent.of(type, incidentId, status, "/api/v1/incidents/" + incidentId);
    }
}
