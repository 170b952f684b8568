package uk.schoolsocial.incident.report.command;

import static uk.schoolsocial.events.incident.InvolvedPersonRole.PARENT;
import static uk.schoolsocial.events.incident.InvolvedPersonRole.PUPIL;
import static uk.schoolsocial.events.incident.InvolvedPersonRole.THIRD_PARTY;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.incident.AssessmentOverdueEvent;
import uk.schoolsocial.events.incident.AssessmentRoute;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.EscalationResponseRecordedEvent;
import uk.schoolsocial.events.incident.IncidentAssessedEvent;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.IncidentClosedEvent;
import uk.schoolsocial.events.incident.IncidentReopenedEvent;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InternalProcedure;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;
import uk.schoolsocial.events.incident.Severity;
import uk.schoolsocial.events.incident.TakedownAbandonedEvent;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.events.incident.TakedownConfirmedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.incident.assessment.command.AssessIncidentCommand;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;
import uk.schoolsocial.incident.escalation.command.RecordEscalationCommand;
import uk.schoolsocial.incident.escalation.command.RecordEscalationResponseCommand;
import uk.schoolsocial.incident.takedown.command.RequestTakedownCommand;
import uk.schoolsocial.incident.takedown.command.SettleTakedownCommand;
import uk.schoolsocial.incident.takedown.command.TakedownPeriods;
import uk.schoolsocial.platform.error.DomainException;

/** INC-3 to INC-6 on the aggregate, with time moved for the deadlines. */
class IncidentHandlingTest {

    /** A Monday morning. */
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
    private static final IncidentId ID = new IncidentId("inc-1");
    private static final String SCHOOL = "school-a";
    private AggregateTestFixture<Incident> fixture;
    /** INC-5: the schools' own takedown periods, by school and platform key, as SLT set them. */
    private final Map<String, Duration> schoolPeriods = new HashMap<>();
    private final TakedownPeriods periods = (school, platform) ->
            Optional.ofNullable(schoolPeriods.get(school + "/" + TakedownPeriods.key(platform)));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(IncidentTimings.DEFAULTS);
        fixture.registerInjectableResource(periods);
    }

    private static IncidentReportedEvent reported(IncidentCategory category, AssignedRole role, RoutingReason reason,
                                                  InvolvedPersonRole... people) {
        return new IncidentReportedEvent("inc-1", SCHOOL, "staff-1", category, "A post", NOW.minusSeconds(600),
                "Facebook", "https://facebook.com/p/1", false,
                List.of(people).stream().map(p -> new InvolvedPerson(p, null, null)).toList(), role, reason, NOW);
    }

    private static IncidentReportedEvent defamatory() {
        return reported(IncidentCategory.DEFAMATORY_OR_OFFENSIVE_CONTENT, AssignedRole.SLT, RoutingReason.GENERAL,
                PARENT);
    }

    private static AssessmentTargetSetEvent target() {
        return new AssessmentTargetSetEvent("inc-1", SCHOOL, TOMORROW);
    }

    private static AssessIncidentCommand assess(AssignedRole as, boolean safeguarding, boolean illegal,
                                                InvolvedPersonRole poster, AssessmentRoute route) {
        return new AssessIncidentCommand(ID, SCHOOL, "slt-1", as, Severity.MEDIUM, safeguarding, illegal, poster,
                route, " Ask the parent to remove it ", null);
    }

    private static IncidentAssessedEvent assessed(boolean illegal, InvolvedPersonRole poster, AssessmentRoute route,
                                                  InternalProcedure procedure) {
        return new IncidentAssessedEvent("inc-1", SCHOOL, "slt-1", AssignedRole.SLT, Severity.MEDIUM, false, illegal,
                poster, route, procedure, "Ask the parent to remove it", NOW, true);
    }

    // INC-3

    @Test
    void inc3_aReportSetsATargetOfOneWorkingDayAndSchedulesTheOverdueDeadline() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, SCHOOL, "staff-1", IncidentCategory.OTHER, "A post",
                        NOW.minusSeconds(600), "Facebook", "https://facebook.com/p/1", false,
                        List.of(new InvolvedPerson(PARENT, null, null))))
                .expectEvents(reported(IncidentCategory.OTHER, AssignedRole.SLT, RoutingReason.GENERAL, PARENT),
                        target())
                .expectScheduledDeadlineWithName(TOMORROW, Incident.ASSESSMENT_DUE);
    }

    @Test
    void inc3_aFridayReportIsDueOnMonday() {
        IncidentTimings timings = IncidentTimings.DEFAULTS;
        org.junit.jupiter.api.Assertions.assertEquals(Instant.parse("2026-11-23T15:00:00Z"),
                timings.assessmentDue(Instant.parse("2026-11-20T15:00:00Z")));
        org.junit.jupiter.api.Assertions.assertEquals(Instant.parse("2026-06-02T14:00:00Z"),
                new IncidentTimings(null, 1, Duration.ofHours(48), ZoneId.of("Europe/London"))
                        .assessmentDue(Instant.parse("2026-06-01T14:00:00Z")));
        org.junit.jupiter.api.Assertions.assertEquals(NOW.plusSeconds(7200),
                new IncidentTimings(Duration.ofHours(2), 1, Duration.ofHours(48), ZoneId.of("Europe/London"))
                        .assessmentDue(NOW));
    }

    /** A fixture whose clock is the fixture's own, so deadlines and handlers agree on the time. */
    private AggregateTestFixture<Incident> movingFixture(Duration assessWithin) {
        AggregateTestFixture<Incident> moving = new AggregateTestFixture<>(Incident.class);
        moving.registerInjectableResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return moving.currentTime();
            }
        });
        moving.registerInjectableResource(new IncidentTimings(assessWithin, 1, Duration.ofHours(48),
                ZoneId.of("Europe/London")));
        moving.registerInjectableResource(periods);
        return moving;
    }

    private static ReportIncidentCommand reportDefamatory() {
        return new ReportIncidentCommand(ID, SCHOOL, "staff-1", IncidentCategory.DEFAMATORY_OR_OFFENSIVE_CONTENT,
                "A post", Instant.now().minusSeconds(600), "Facebook", "https://facebook.com/p/1", false,
                List.of(new InvolvedPerson(PARENT, null, null)));
    }

    @Test
    void inc3_anUnassessedIncidentBecomesOverdueWhenItsTargetPasses() {
        AggregateTestFixture<Incident> moving = movingFixture(Duration.ofHours(24));
        Instant due = moving.currentTime().plus(Duration.ofHours(24));
        moving.givenCommands(reportDefamatory())
                .whenThenTimeElapses(Duration.ofHours(25))
                .expectDeadlinesMet(due)
                .expectEvents(new AssessmentOverdueEvent("inc-1", SCHOOL, due, due));
    }

    @Test
    void inc3_anAssessedIncidentIsNeverOverdue() {
        movingFixture(Duration.ofHours(24)).givenCommands(reportDefamatory(),
                        assess(AssignedRole.SLT, false, false, PARENT, AssessmentRoute.INTERNAL))
                .whenThenTimeElapses(Duration.ofDays(2))
                .expectNoEvents();
    }

    @Test
    void inc3_sltAssessesAParentsPostAndTheInternalRouteAsksToRemoveThenComplaints() {
        fixture.given(defamatory(), target())
                .when(assess(AssignedRole.SLT, false, false, PARENT, AssessmentRoute.INTERNAL))
                .expectEvents(assessed(false, PARENT, AssessmentRoute.INTERNAL,
                        InternalProcedure.ASK_TO_REMOVE_THEN_COMPLAINTS))
                .expectNoScheduledDeadlines();
    }

    @Test
    void inc3_aThirdPartysPostGoesToThePlatformWithNoInternalProcedure() {
        fixture.given(defamatory(), target())
                .when(assess(AssignedRole.SLT, false, false, THIRD_PARTY, AssessmentRoute.PLATFORM))
                .expectEvents(assessed(false, THIRD_PARTY, AssessmentRoute.PLATFORM, null));
    }

    @Test
    void inc3_anInternalRouteNeedsAPosterFromTheSchoolCommunity() {
        fixture.given(defamatory(), target())
                .when(assess(AssignedRole.SLT, false, false, THIRD_PARTY, AssessmentRoute.INTERNAL))
                .expectNoEvents()
                .expectExceptionMessage("The assessment is incomplete: [route]");
    }

    @Test
    void inc3_anIncompleteAssessmentNamesEveryMissingField() {
        fixture.given(defamatory(), target())
                .when(new AssessIncidentCommand(ID, SCHOOL, "slt-1", AssignedRole.SLT, null, null, null, null, null,
                        null, null))
                .expectNoEvents()
                .expectExceptionMessage("The assessment is incomplete: [severity, safeguarding, possiblyIllegal, "
                        + "posterType, route]");
    }

    @Test
    void inc3_aSafeguardingIncidentIsAssessedByTheDslNotSlt() {
        fixture.given(reported(IncidentCategory.BULLYING_OR_HARASSMENT, AssignedRole.DSL,
                        RoutingReason.SAFEGUARDING_CONCERN, PUPIL), target())
                .when(assess(AssignedRole.SLT, true, false, PUPIL, AssessmentRoute.INTERNAL))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("A safeguarding incident is assessed by the DSL");
    }

    @Test
    void inc3_sltCannotAssessAsSafeguardingEvenWhenRoutedToSlt() {
        fixture.given(defamatory(), target())
                .when(assess(AssignedRole.SLT, true, false, PARENT, AssessmentRoute.INTERNAL))
                .expectNoEvents()
                .expectExceptionMessage("A safeguarding incident is assessed by the DSL");
    }

    @Test
    void inc3_theDslAssessesASafeguardingIncident() {
        fixture.given(reported(IncidentCategory.BULLYING_OR_HARASSMENT, AssignedRole.DSL,
                        RoutingReason.SAFEGUARDING_CONCERN, PUPIL), target())
                .when(new AssessIncidentCommand(ID, SCHOOL, "dsl-1", AssignedRole.DSL, Severity.HIGH, true, false,
                        PUPIL, AssessmentRoute.INTERNAL, null, null))
                .expectEvents(new IncidentAssessedEvent("inc-1", SCHOOL, "dsl-1", AssignedRole.DSL, Severity.HIGH, true,
                        false, PUPIL, AssessmentRoute.INTERNAL, InternalProcedure.BEHAVIOUR_POLICY, null, NOW, true));
    }

    @Test
    void inc3_aLateAssessmentIsRecordedAsNotOnTime() {
        fixture.given(defamatory(), new AssessmentTargetSetEvent("inc-1", SCHOOL, NOW.minusSeconds(1)))
                .when(assess(AssignedRole.SLT, false, false, THIRD_PARTY, AssessmentRoute.PLATFORM))
                .expectEvents(new IncidentAssessedEvent("inc-1", SCHOOL, "slt-1", AssignedRole.SLT, Severity.MEDIUM,
                        false, false, THIRD_PARTY, AssessmentRoute.PLATFORM, null, "Ask the parent to remove it", NOW,
                        false));
    }

    @Test
    void inc3_theInitialAssessmentIsMadeOnce() {
        fixture.given(defamatory(), target(), assessed(false, THIRD_PARTY, AssessmentRoute.PLATFORM, null))
                .when(assess(AssignedRole.SLT, false, false, THIRD_PARTY, AssessmentRoute.PLATFORM))
                .expectNoEvents()
                .expectExceptionMessage("The initial assessment is made already");
    }

    @Test
    void anotherSchoolCannotTouchTheIncident() {
        fixture.given(defamatory(), target())
                .when(new AssessIncidentCommand(ID, "school-b", "slt-9", AssignedRole.SLT, Severity.LOW, false, false,
                        THIRD_PARTY, AssessmentRoute.PLATFORM, null, null))
                .expectNoEvents()
                .expectExceptionMessage("No such incident");
    }

    // INC-4

    private static RecordEscalationCommand escalate(String id, EscalationBody body) {
        return new RecordEscalationCommand(ID, SCHOOL, "slt-1", id, body, NOW.minusSeconds(60), " CR-1 ", null, null);
    }

    private static EscalationRecordedEvent escalated(String id, EscalationBody body) {
        return new EscalationRecordedEvent("inc-1", SCHOOL, id, body, NOW.minusSeconds(60), "slt-1", "CR-1", null, NOW);
    }

    @Test
    void inc4_anEscalationIsRecordedWithBodyTimeWhoAndReference() {
        fixture.given(defamatory(), target())
                .when(escalate("esc-1", EscalationBody.PROFESSIONALS_ONLINE_SAFETY_HELPLINE))
                .expectEvents(escalated("esc-1", EscalationBody.PROFESSIONALS_ONLINE_SAFETY_HELPLINE));
    }

    @Test
    void inc4_anEscalationNeedsABodyAndATimeNotInTheFuture() {
        fixture.given(defamatory(), target())
                .when(new RecordEscalationCommand(ID, SCHOOL, "slt-1", "esc-1", null, NOW.plusSeconds(3600), null,
                        null, null))
                .expectNoEvents()
                .expectExceptionMessage("The escalation is incomplete: [body, escalatedAt]");
    }

    @Test
    void inc4_theBodysResponseIsRecordedOnce() {
        fixture.given(defamatory(), target(), escalated("esc-1", EscalationBody.POLICE))
                .when(new RecordEscalationResponseCommand(ID, SCHOOL, "slt-1", "esc-1", "No offence", "CR-9", null))
                .expectEvents(new EscalationResponseRecordedEvent("inc-1", SCHOOL, "esc-1", "No offence", "CR-9",
                        "slt-1", NOW));
        fixture.given(defamatory(), target(), escalated("esc-1", EscalationBody.POLICE),
                        new EscalationResponseRecordedEvent("inc-1", SCHOOL, "esc-1", "No offence", null, "slt-1", NOW))
                .when(new RecordEscalationResponseCommand(ID, SCHOOL, "slt-1", "esc-1", "Again", null, null))
                .expectNoEvents()
                .expectExceptionMessage("The response is recorded already");
    }

    @Test
    void inc4_aResponseToAnUnknownEscalationIsRefused() {
        fixture.given(defamatory(), target())
                .when(new RecordEscalationResponseCommand(ID, SCHOOL, "slt-1", "esc-x", "?", null, null))
                .expectNoEvents()
                .expectExceptionMessage("No such escalation on this incident");
    }

    @Test
    void inc4_aPossiblyIllegalIncidentCannotCloseWithoutAPoliceEscalation() {
        fixture.given(defamatory(), target(), assessed(true, THIRD_PARTY, AssessmentRoute.POLICE, null),
                        escalated("esc-1", EscalationBody.PLATFORM))
                .when(new CloseIncidentCommand(ID, SCHOOL, "slt-1", "Removed", "Reported", null))
                .expectNoEvents()
                .expectExceptionMessage("Possibly illegal conduct must be escalated to the police before the "
                        + "incident closes");
    }

    @Test
    void inc4_aPossiblyIllegalIncidentClosesOnceEscalatedToThePolice() {
        fixture.given(defamatory(), target(), assessed(true, THIRD_PARTY, AssessmentRoute.POLICE, null),
                        escalated("esc-1", EscalationBody.POLICE))
                .when(new CloseIncidentCommand(ID, SCHOOL, "slt-1", "Police took it on", "Referred", null))
                .expectEvents(new IncidentClosedEvent("inc-1", SCHOOL, "slt-1", "Police took it on", "Referred", NOW));
    }

    // INC-5

    private static RequestTakedownCommand takedown(String id, TakedownAddressee to) {
        return new RequestTakedownCommand(ID, SCHOOL, "slt-1", id, to, " Facebook ", "FB-77", null);
    }

    /** A request to a platform falls due 48 hours on by default; one to a person has no due time. */
    private static TakedownRequestedEvent requested(String id, TakedownAddressee to) {
        return new TakedownRequestedEvent("inc-1", SCHOOL, id, to, "Facebook", "FB-77", "slt-1", NOW,
                to == TakedownAddressee.PLATFORM ? NOW.plus(Duration.ofHours(48)) : null);
    }

    @Test
    void inc5_aPlatformTakedownFallsDueAfter48HoursAndSchedulesTheHelplineSuggestionThen() {
        fixture.given(defamatory(), target())
                .when(takedown("td-1", TakedownAddressee.PLATFORM))
                .expectEvents(requested("td-1", TakedownAddressee.PLATFORM))
                .expectScheduledDeadlineWithName(NOW.plus(Duration.ofHours(48)), Incident.TAKEDOWN_UNANSWERED);
    }

    @Test
    void inc5_aPlatformTakedownFallsDueAfterTheSchoolsOwnPeriodForThatPlatform() {
        schoolPeriods.put(SCHOOL + "/facebook", Duration.ofHours(24));
        schoolPeriods.put("other-school/instagram", Duration.ofHours(2));
        fixture.given(defamatory(), target())
                .when(takedown("td-1", TakedownAddressee.PLATFORM))
                .expectEvents(new TakedownRequestedEvent("inc-1", SCHOOL, "td-1", TakedownAddressee.PLATFORM,
                        "Facebook", "FB-77", "slt-1", NOW, NOW.plus(Duration.ofHours(24))))
                .expectScheduledDeadlineWithName(NOW.plus(Duration.ofHours(24)), Incident.TAKEDOWN_UNANSWERED);
    }

    @Test
    void inc5_anotherSchoolsPeriodDoesNotCount() {
        schoolPeriods.put("other-school/facebook", Duration.ofHours(2));
        fixture.given(defamatory(), target())
                .when(takedown("td-1", TakedownAddressee.PLATFORM))
                .expectEvents(requested("td-1", TakedownAddressee.PLATFORM));
    }

    @Test
    void inc5_aRequestToAPersonHasNoDueTimeNorPlatformDeadline() {
        fixture.given(defamatory(), target())
                .when(takedown("td-1", TakedownAddressee.PERSON))
                .expectEvents(requested("td-1", TakedownAddressee.PERSON))
                .expectNoScheduledDeadlineWithName(NOW.plus(Duration.ofHours(48)), Incident.TAKEDOWN_UNANSWERED);
    }

    @Test
    void inc5_anUnansweredPlatformRequestSuggestsTheHelplineAfter48Hours() {
        AggregateTestFixture<Incident> moving = movingFixture(Duration.ofDays(30));
        Instant due = moving.currentTime().plus(Duration.ofHours(48));
        moving.givenCommands(reportDefamatory(), takedown("td-1", TakedownAddressee.PLATFORM))
                .whenThenTimeElapses(Duration.ofHours(48).plusSeconds(1))
                .expectDeadlinesMet("td-1")
                .expectEvents(new TakedownEscalationSuggestedEvent("inc-1", SCHOOL, "td-1",
                        EscalationBody.PROFESSIONALS_ONLINE_SAFETY_HELPLINE, due));
    }

    @Test
    void inc5_aRemovedPostSuggestsNothing() {
        movingFixture(Duration.ofDays(30)).givenCommands(reportDefamatory(),
                        takedown("td-1", TakedownAddressee.PLATFORM),
                        new SettleTakedownCommand(ID, SCHOOL, "slt-1", "td-1", true, null, null))
                .whenThenTimeElapses(Duration.ofHours(49))
                .expectNoEvents();
    }

    @Test
    void inc5_aTakedownIsTrackedToConfirmedRemoval() {
        fixture.given(defamatory(), target(), requested("td-1", TakedownAddressee.PLATFORM))
                .when(new SettleTakedownCommand(ID, SCHOOL, "slt-1", "td-1", true, " Checked the link ", null))
                .expectEvents(new TakedownConfirmedEvent("inc-1", SCHOOL, "td-1", "slt-1", "Checked the link", NOW));
    }

    @Test
    void inc5_anAbandonedTakedownNeedsAReasonAndEndsTheRequest() {
        fixture.given(defamatory(), target(), requested("td-1", TakedownAddressee.PERSON))
                .when(new SettleTakedownCommand(ID, SCHOOL, "slt-1", "td-1", false, " ", null))
                .expectNoEvents()
                .expectExceptionMessage("The abandonment is incomplete: [reason]");
        fixture.given(defamatory(), target(), requested("td-1", TakedownAddressee.PERSON),
                        new TakedownAbandonedEvent("inc-1", SCHOOL, "td-1", "slt-1", "Account deleted", NOW))
                .when(new SettleTakedownCommand(ID, SCHOOL, "slt-1", "td-1", true, null, null))
                .expectNoEvents()
                .expectExceptionMessage("The takedown request is settled already");
    }

    @Test
    void inc5_settlingAnUnknownTakedownIsRefused() {
        fixture.given(defamatory(), target())
                .when(new SettleTakedownCommand(ID, SCHOOL, "slt-1", "td-x", true, null, null))
                .expectNoEvents()
                .expectExceptionMessage("No such takedown request on this incident");
    }

    // INC-6

    @Test
    void inc6_anIncidentClosesWithAnOutcomeAndActions() {
        fixture.given(defamatory(), target(), assessed(false, THIRD_PARTY, AssessmentRoute.PLATFORM, null))
                .when(new CloseIncidentCommand(ID, SCHOOL, "slt-1", " Post removed ", " Platform report ", null))
                .expectEvents(new IncidentClosedEvent("inc-1", SCHOOL, "slt-1", "Post removed", "Platform report", NOW));
    }

    @Test
    void inc6_closureNeedsAnOutcomeActionsAndAnAssessment() {
        fixture.given(defamatory(), target(), assessed(false, THIRD_PARTY, AssessmentRoute.PLATFORM, null))
                .when(new CloseIncidentCommand(ID, SCHOOL, "slt-1", "", null, null))
                .expectNoEvents()
                .expectExceptionMessage("The closure is incomplete: [outcome, actionsTaken]");
        fixture.given(defamatory(), target())
                .when(new CloseIncidentCommand(ID, SCHOOL, "slt-1", "Done", "None", null))
                .expectNoEvents()
                .expectExceptionMessage("An incident closes after its initial assessment");
    }

    @Test
    void inc6_aClosedIncidentChangesOnlyByReopening() {
        fixture.given(defamatory(), target(), assessed(false, THIRD_PARTY, AssessmentRoute.PLATFORM, null),
                        new IncidentClosedEvent("inc-1", SCHOOL, "slt-1", "Removed", "Reported", NOW))
                .when(escalate("esc-1", EscalationBody.PLATFORM))
                .expectNoEvents()
                .expectExceptionMessage("The incident is closed; reopen it first");
    }

    @Test
    void inc6_aClosedIncidentIsReopenedWithAReason() {
        fixture.given(defamatory(), target(), assessed(false, THIRD_PARTY, AssessmentRoute.PLATFORM, null),
                        new IncidentClosedEvent("inc-1", SCHOOL, "slt-1", "Removed", "Reported", NOW))
                .when(new ReopenIncidentCommand(ID, SCHOOL, "slt-1", " Reposted ", null))
                .expectEvents(new IncidentReopenedEvent("inc-1", SCHOOL, "slt-1", "Reposted", NOW));
    }

    @Test
    void inc6_anOpenIncidentCannotBeReopened() {
        fixture.given(defamatory(), target())
                .when(new ReopenIncidentCommand(ID, SCHOOL, "slt-1", "Why", null))
                .expectNoEvents()
                .expectExceptionMessage("Only a closed incident can be reopened");
    }
}
