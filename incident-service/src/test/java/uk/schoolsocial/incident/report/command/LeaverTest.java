package uk.schoolsocial.incident.report.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReassignedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;
import uk.schoolsocial.events.incident.Severity;
import uk.schoolsocial.incident.casefile.command.IncidentId;

/** A leaver's open incidents go back to SLT (account-service's StaffMemberLeftEvent, ACC-7). */
class LeaverTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final IncidentId ID = new IncidentId("inc-1");
    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IncidentReportedEvent reportedToDsl() {
        return new IncidentReportedEvent("inc-1", "school-a", "staff-1", IncidentCategory.PUPIL_CONTACT_WITH_STAFF, "x",
                NOW.minusSeconds(60), "X", "a post", false,
                List.of(new InvolvedPerson(InvolvedPersonRole.PUPIL, null, null)), AssignedRole.DSL,
                RoutingReason.PUPIL_CONTACT_WITH_STAFF, NOW);
    }

    private static IncidentAssessedEvent assessedBy(String assessor) {
        return new IncidentAssessedEvent("inc-1", "school-a", assessor, AssignedRole.DSL, Severity.HIGH, true, false,
                InvolvedPersonRole.PUPIL, AssessmentRoute.INTERNAL, null, null, NOW, true);
    }

    @Test
    void theLeaversOpenIncidentGoesBackToSlt() {
        fixture.given(reportedToDsl(), assessedBy("dsl-1"))
                .when(new ReassignLeaversIncidentCommand(ID, "school-a", "dsl-1"))
                .expectEvents(new IncidentReassignedEvent("inc-1", "school-a", "dsl-1", AssignedRole.SLT, NOW));
    }

    @Test
    void someoneElsesIncidentOrAClosedOneIsLeftAlone() {
        fixture.given(reportedToDsl(), assessedBy("dsl-2"))
                .when(new ReassignLeaversIncidentCommand(ID, "school-a", "dsl-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(reportedToDsl(), assessedBy("dsl-1"),
                        new IncidentClosedEvent("inc-1", "school-a", "dsl-1", "o", "a", NOW))
                .when(new ReassignLeaversIncidentCommand(ID, "school-a", "dsl-1"))
                .expectNoEvents();
    }

    @Test
    void aReplayedLeavingChangesNothingTheSecondTime() {
        fixture.given(reportedToDsl(), assessedBy("dsl-1"),
                        new IncidentReassignedEvent("inc-1", "school-a", "dsl-1", AssignedRole.SLT, NOW))
                .when(new ReassignLeaversIncidentCommand(ID, "school-a", "dsl-1"))
                .expectNoEvents();
    }
}
