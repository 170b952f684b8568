package uk.schoolsocial.incident.casefile.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;
import uk.schoolsocial.events.incident.Severity;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;

/** The read model survives at-least-once delivery and replay: the same event twice gives the same row. */
@MicronautTest(transactional = false)
class IncidentProjectionTest implements AccountEventsDatabaseTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:02:11.123456Z");

    @Inject
    IncidentProjection projection;
    @Inject
    IncidentViewRepository views;

    @Test
    void aRedeliveredReportLeavesTheRowAsItWas() {
        IncidentReportedEvent event = new IncidentReportedEvent("3c9d2f41-6a0e-4b8e-9f0a-2d7c5e1b8a34", "school-a",
                "staff-1", IncidentCategory.IMAGE_WITHOUT_CONSENT, "A photo of a pupil", AT.minusSeconds(3600),
                "Facebook", "https://facebook.com/x", true,
                List.of(new InvolvedPerson(InvolvedPersonRole.PUPIL, "pupil-1", null),
                        new InvolvedPerson(InvolvedPersonRole.UNKNOWN, null, "Whoever posted it")),
                AssignedRole.DSL, RoutingReason.SAFEGUARDING_CONCERN, AT);
        projection.on(event, 0);
        IncidentView first = views.findById(event.incidentId()).orElseThrow();
        projection.on(event, 0);
        assertEquals(first, views.findById(event.incidentId()).orElseThrow());
        assertEquals(1, views.findById(event.incidentId()).stream().count());
        assertEquals(List.of(new PersonInvolved("PUPIL", "pupil-1", null),
                new PersonInvolved("UNKNOWN", null, "Whoever posted it")), first.peopleInvolved());
        assertEquals("DSL", first.assignedRole());
        assertEquals(AT, first.reportedAt());
    }

    @Test
    void inc3_inc5_redeliveredHandlingEventsApplyOnce() {
        String id = "7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
        projection.on(new IncidentReportedEvent(id, "school-a", "staff-1", IncidentCategory.OTHER, "x",
                AT.minusSeconds(60), "X", "a post", false,
                List.of(new InvolvedPerson(InvolvedPersonRole.UNKNOWN, null, null)), AssignedRole.SLT,
                RoutingReason.GENERAL, AT), 0);
        TakedownRequestedEvent requested = new TakedownRequestedEvent(id, "school-a", "td-1",
                TakedownAddressee.PLATFORM, "Facebook", null, "slt-1", AT, AT.plusSeconds(48 * 3600));
        projection.on(requested, 1);
        projection.on(requested, 1);
        projection.on(new AssessmentOverdueEvent(id, "school-a", AT, AT), 2);
        projection.on(new AssessmentOverdueEvent(id, "school-a", AT, AT), 2);
        IncidentView view = views.findById(id).orElseThrow();
        assertEquals(1, view.takedownList().size());
        // INC-5: the due time the request was given is the case file's
        assertEquals(AT.plusSeconds(48 * 3600), view.takedownList().get(0).dueAt());
        assertEquals(2, view.version());
        assertEquals(true, view.assessmentOverdue());
    }

    /**
     * AUD-4: once an incident's key is destroyed its sealed fields arrive as null, on a replay and in
     * events appended after the erasure: the case file takes them as null and the history's words too.
     */
    @Test
    void aud4_anErasedIncidentsEventsProjectWithTheirTextNull() {
        String id = "5e0c1a2b-3d4e-4f50-8a6b-7c8d9e0f1a2b";
        projection.on(new IncidentReportedEvent(id, "school-a", "staff-1", IncidentCategory.OTHER, null,
                AT.minusSeconds(60), "X", null, false,
                List.of(new InvolvedPerson(InvolvedPersonRole.PUPIL, "pupil-9", null)), AssignedRole.SLT,
                RoutingReason.GENERAL, AT), 0);
        IncidentAssessedEvent assessed = new IncidentAssessedEvent(id, "school-a", "slt-1", AssignedRole.SLT,
                Severity.LOW, false, false, InvolvedPersonRole.PUPIL, AssessmentRoute.PLATFORM, null, null, AT, true);
        projection.on(assessed, 1);
        EscalationRecordedEvent escalated = new EscalationRecordedEvent(id, "school-a", "esc-1",
                EscalationBody.PLATFORM, AT, "slt-1", null, null, AT);
        projection.on(escalated, 2);
        TakedownRequestedEvent takedown = new TakedownRequestedEvent(id, "school-a", "td-1",
                TakedownAddressee.PERSON, null, null, "slt-1", AT, null);
        projection.on(takedown, 3);
        IncidentClosedEvent closed = new IncidentClosedEvent(id, "school-a", "slt-1", null, null, AT);
        projection.on(closed, 4);
        IncidentView view = views.findById(id).orElseThrow();
        assertEquals("CLOSED", view.status());
        assertNull(view.whatHappened());
        assertNull(view.location());
        assertNull(view.peopleInvolved().get(0).description());
        assertEquals(4, view.version());
        for (Object event : List.of(assessed, escalated, takedown, closed)) {
            assertEquals(false, HistoryWords.of(event).what().contains("null"), event.getClass().getSimpleName());
        }
    }
}
