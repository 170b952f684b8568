package uk.schoolsocial.incident.report.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;
import uk.schoolsocial.events.incident.Severity;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;
import uk.schoolsocial.platform.audit.RecordStateWriter;

/**
 * AUD-2: the record as of any moment is the aggregate's fields, as the platform's {@code RecordHistory}
 * writes them ({@link RecordStateWriter}). Split into members (issue 17), the incident still shows the
 * same fields, at the top level, in the same order, with the same values, with no Jackson annotation on it.
 */
class IncidentRecordShapeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String SCHOOL = "school-a";

    @Test
    void aud2_theRecordShowsTheFieldsItShowedBeforeTheSplit() {
        AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(IncidentTimings.DEFAULTS);
        AtomicReference<JsonNode> state = new AtomicReference<>();
        fixture.given(
                        new IncidentReportedEvent("inc-1", SCHOOL, "staff-1", IncidentCategory.DEFAMATORY_OR_OFFENSIVE_CONTENT,
                                "A post", NOW.minusSeconds(600), "Facebook", "https://facebook.com/p/1", false,
                                List.of(new InvolvedPerson(InvolvedPersonRole.PARENT, null, null)), AssignedRole.SLT,
                                RoutingReason.GENERAL, NOW),
                        new AssessmentTargetSetEvent("inc-1", SCHOOL, NOW.plus(Duration.ofDays(1))),
                        new IncidentAssessedEvent("inc-1", SCHOOL, "slt-1", AssignedRole.SLT, Severity.HIGH, false,
                                true, InvolvedPersonRole.PARENT, AssessmentRoute.POLICE, null, null, NOW, true),
                        new EscalationRecordedEvent("inc-1", SCHOOL, "esc-1", EscalationBody.POLICE,
                                NOW.minusSeconds(60), "slt-1", "CR-1", null, NOW),
                        new TakedownRequestedEvent("inc-1", SCHOOL, "td-1", TakedownAddressee.PLATFORM, "Facebook",
                                null, "slt-1", NOW, NOW.plus(Duration.ofHours(48))))
                // not the owner: changes nothing, so the state is the events' alone
                .when(new ReassignLeaversIncidentCommand(new IncidentId("inc-1"), SCHOOL, "someone-else"))
                .expectNoEvents()
                .expectState(incident -> state.set(RecordStateWriter.state(incident)));

        List<String> fields = new ArrayList<>();
        state.get().fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("incidentId", "schoolId", "reporterId", "assignedRole", "assessmentDue", "assessed",
                "ownerId", "possiblyIllegal", "closed", "escalatedTo", "escalationAnswered", "takedownSettled",
                "takedownDueAt"), fields);
        assertEquals("2026-11-24T09:00:00Z", state.get().get("assessmentDue").asText());
        assertEquals("slt-1", state.get().get("ownerId").asText());
        assertEquals(true, state.get().get("possiblyIllegal").asBoolean());
        assertEquals("[\"POLICE\"]", state.get().get("escalatedTo").toString());
        assertEquals("{\"esc-1\":false}", state.get().get("escalationAnswered").toString());
        assertEquals("{\"td-1\":false}", state.get().get("takedownSettled").toString());
        assertEquals("2026-11-25T09:00:00Z", state.get().get("takedownDueAt").get("td-1").asText());
    }
}
