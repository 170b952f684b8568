package uk.schoolsocial.incident.report.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EvidenceAddedEvent;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.evidence.command.AddEvidenceCommand;
import uk.schoolsocial.incident.evidence.command.EvidenceRules;

/** INC-1 evidence items on the aggregate (INC-7 for who may add them). */
class EvidenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final IncidentId ID = new IncidentId("inc-1");
    private static final String HASH = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IncidentReportedEvent reported() {
        return new IncidentReportedEvent("inc-1", "school-a", "staff-1", IncidentCategory.OTHER, "x",
                NOW.minusSeconds(60), "X", "a post", false,
                List.of(new InvolvedPerson(InvolvedPersonRole.UNKNOWN, null, null)), AssignedRole.SLT,
                RoutingReason.GENERAL, NOW);
    }

    private static AddEvidenceCommand add(String actor, boolean handler, String mediaType, long size, String hash) {
        return new AddEvidenceCommand(ID, "school-a", actor, handler, "ev-1", mediaType, size, hash, " Screenshot ");
    }

    @Test
    void inc1_theReporterAddsEvidenceRecordedByHashNotBytes() {
        fixture.given(reported())
                .when(add("staff-1", false, "image/png", 1024, HASH))
                .expectEvents(new EvidenceAddedEvent("inc-1", "school-a", "ev-1", "image/png", 1024, HASH,
                        "Screenshot", "staff-1", NOW));
    }

    @Test
    void inc7_someoneElsesReportTakesNoEvidenceFromThem() {
        fixture.given(reported())
                .when(add("staff-2", false, "image/png", 1024, HASH))
                .expectNoEvents()
                .expectExceptionMessage("No such incident");
        fixture.given(reported())
                .when(add("dsl-1", true, "image/png", 1024, HASH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void inc1_evidenceHasAnAllowedMediaTypeAndASizeLimit() {
        fixture.given(reported())
                .when(add("staff-1", false, "application/x-msdownload", EvidenceRules.MAX_BYTES + 1, "nothex"))
                .expectNoEvents()
                .expectExceptionMessage("The evidence is incomplete: [mediaType, content, sha256]");
    }

    @Test
    void inc6_aClosedIncidentTakesNoEvidence() {
        fixture.given(reported(), new IncidentClosedEvent("inc-1", "school-a", "slt-1", "o", "a", NOW))
                .when(add("staff-1", false, "image/png", 10, HASH))
                .expectNoEvents()
                .expectExceptionMessage("The incident is closed; reopen it first");
    }
}
