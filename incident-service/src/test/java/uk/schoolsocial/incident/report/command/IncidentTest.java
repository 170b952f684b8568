package uk.schoolsocial.incident.report.command;

import static uk.schoolsocial.events.incident.InvolvedPersonRole.PARENT;
import static uk.schoolsocial.events.incident.InvolvedPersonRole.PUPIL;
import static uk.schoolsocial.events.incident.InvolvedPersonRole.STAFF;
import static uk.schoolsocial.events.incident.InvolvedPersonRole.THIRD_PARTY;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.schoolsocial.events.incident.AssessmentTargetSetEvent;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;
import uk.schoolsocial.platform.error.DomainException;

class IncidentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final Instant YESTERDAY = Instant.parse("2026-11-20T21:40:00Z");
    private static final IncidentId ID = new IncidentId("inc-1");
    private static final String NARRATIVE = "  A post named Mr Smith.\r\n\tIt was shared 40 times.  \n";
    /** NOW is a Saturday: one working day on is Monday at the same time (INC-3). */
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:15:30Z");
    private static final AssessmentTargetSetEvent TARGET = new AssessmentTargetSetEvent("inc-1", "school-a", MONDAY);
    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(IncidentTimings.DEFAULTS);
    }

    private static List<InvolvedPerson> people(InvolvedPersonRole... roles) {
        return Arrays.stream(roles).map(role -> new InvolvedPerson(role, null, null)).toList();
    }

    private static ReportIncidentCommand report(IncidentCategory category, List<InvolvedPerson> people) {
        return new ReportIncidentCommand(ID, "school-a", "staff-1", category, NARRATIVE, YESTERDAY, " Instagram ",
                "https://instagram.com/p/abc ", false, people);
    }

    private static IncidentReportedEvent reported(IncidentCategory category, List<InvolvedPerson> people,
                                                  AssignedRole role, RoutingReason reason) {
        return new IncidentReportedEvent("inc-1", "school-a", "staff-1", category, NARRATIVE, YESTERDAY, "Instagram",
                "https://instagram.com/p/abc", false, people, role, reason, NOW);
    }

    private void expectRoute(IncidentCategory category, List<InvolvedPerson> people, AssignedRole role,
                             RoutingReason reason) {
        fixture.givenNoPriorActivity()
                .when(report(category, people))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported(category, people, role, reason), TARGET);
    }

    @Test
    void inc1_aCompleteReportIsRecordedWithTheNarrativeUntouched() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, "school-a", "staff-1", IncidentCategory.COPYRIGHT, NARRATIVE,
                        YESTERDAY, "Instagram", "https://instagram.com/p/abc", true,
                        List.of(new InvolvedPerson(THIRD_PARTY, " ", "  A local photographer "))))
                .expectEvents(new IncidentReportedEvent("inc-1", "school-a", "staff-1", IncidentCategory.COPYRIGHT,
                        NARRATIVE, YESTERDAY, "Instagram", "https://instagram.com/p/abc", true,
                        List.of(new InvolvedPerson(THIRD_PARTY, null, "A local photographer")),
                        AssignedRole.SLT, RoutingReason.GENERAL, NOW), TARGET);
    }

    @Test
    void inc1_anIncompleteReportIsRefusedNamingEveryMissingField() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, "school-a", "staff-1", null, " \n ", null, "", null, null,
                        List.of()))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The report is incomplete: [category, whatHappened, occurredAt, platform, "
                        + "location, officialAccountInvolved, peopleInvolved]");
    }

    @Test
    void inc1_everyPersonInvolvedNeedsARole() {
        fixture.givenNoPriorActivity()
                .when(report(IncidentCategory.OTHER, List.of(new InvolvedPerson(PUPIL, "p-1", null),
                        new InvolvedPerson(null, "p-2", null))))
                .expectNoEvents()
                .expectExceptionMessage("The report is incomplete: [peopleInvolved[1].role]");
    }

    @Test
    void inc1_anIncidentCannotHaveHappenedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, "school-a", "staff-1", IncidentCategory.OTHER, "Posted",
                        NOW.plusSeconds(3600), "X", "a post", false, people(InvolvedPersonRole.UNKNOWN)))
                .expectNoEvents()
                .expectExceptionMessage("The report is incomplete: [occurredAt]");
    }

    @Test
    void inc1_aNarrativeOverOneHundredKibIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, "school-a", "staff-1", IncidentCategory.OTHER,
                        "x".repeat(IncidentReport.MAX_NARRATIVE + 1), YESTERDAY, "X", "a post", false,
                        people(InvolvedPersonRole.UNKNOWN)))
                .expectNoEvents()
                .expectExceptionMessage("The report is incomplete: [whatHappened]");
    }

    /** INC-1: the limit counts characters: 102,400 emoji are 204,800 UTF-16 units, and at the limit. */
    @Test
    void inc1_aNarrativeOfOneHundredKibCharactersIsKeptWhenTheyAreEmoji() {
        String narrative = "\uD83D\uDE00".repeat(IncidentReport.MAX_NARRATIVE);
        List<InvolvedPerson> unknown = people(InvolvedPersonRole.UNKNOWN);
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, "school-a", "staff-1", IncidentCategory.OTHER, narrative, YESTERDAY,
                        "X", "a post", false, unknown))
                .expectEvents(new IncidentReportedEvent("inc-1", "school-a", "staff-1", IncidentCategory.OTHER,
                        narrative, YESTERDAY, "X", "a post", false, unknown, AssignedRole.SLT, RoutingReason.GENERAL,
                        NOW), TARGET);
    }

    @Test
    void inc1_aNarrativeOneCharacterOverTheLimitIsRefusedWhenTheyAreEmoji() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(ID, "school-a", "staff-1", IncidentCategory.OTHER,
                        "\uD83D\uDE00".repeat(IncidentReport.MAX_NARRATIVE + 1), YESTERDAY, "X", "a post", false,
                        people(InvolvedPersonRole.UNKNOWN)))
                .expectNoEvents()
                .expectExceptionMessage("The report is incomplete: [whatHappened]");
    }

    @Test
    void inc2_aPupilsContactWithStaffGoesStraightToTheDsl() {
        expectRoute(IncidentCategory.PUPIL_CONTACT_WITH_STAFF, people(PUPIL, STAFF), AssignedRole.DSL,
                RoutingReason.PUPIL_CONTACT_WITH_STAFF);
    }

    @Test
    void inc2_extremismGoesToTheDslEvenWithNoPupilNamed() {
        expectRoute(IncidentCategory.EXTREMISM_OR_RADICALISATION, people(THIRD_PARTY), AssignedRole.DSL,
                RoutingReason.SAFEGUARDING_CONCERN);
    }

    @Test
    void inc2_bullyingInvolvingAPupilIsASafeguardingConcernForTheDsl() {
        expectRoute(IncidentCategory.BULLYING_OR_HARASSMENT, people(THIRD_PARTY, PUPIL), AssignedRole.DSL,
                RoutingReason.SAFEGUARDING_CONCERN);
    }

    @Test
    void inc2_anImageOfAPupilWithoutConsentGoesToTheDsl() {
        expectRoute(IncidentCategory.IMAGE_WITHOUT_CONSENT, people(PUPIL), AssignedRole.DSL,
                RoutingReason.SAFEGUARDING_CONCERN);
    }

    @Test
    void inc2_bullyingBetweenAdultsGoesToSlt() {
        expectRoute(IncidentCategory.BULLYING_OR_HARASSMENT, people(PARENT, PARENT), AssignedRole.SLT,
                RoutingReason.GENERAL);
    }

    @Test
    void inc2_anImageWithoutConsentOfNoPupilGoesToSlt() {
        expectRoute(IncidentCategory.IMAGE_WITHOUT_CONSENT, people(STAFF), AssignedRole.SLT, RoutingReason.GENERAL);
    }

    @Test
    void inc2_aStaffConductBreachGoesToTheHeadteacherEvenWhenPupilsAreNamed() {
        expectRoute(IncidentCategory.STAFF_CONDUCT_BREACH, people(STAFF, PUPIL), AssignedRole.SLT,
                RoutingReason.ABOUT_STAFF);
    }

    @Test
    void inc2_anAbusivePostAboutStaffGoesToTheHeadteacher() {
        expectRoute(IncidentCategory.ABUSIVE_POST_ABOUT_STAFF, people(PARENT, STAFF), AssignedRole.SLT,
                RoutingReason.ABOUT_STAFF);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentCategory.class, names = {"DEFAMATORY_OR_OFFENSIVE_CONTENT", "DISCRIMINATORY_CONTENT",
            "DATA_PROTECTION_BREACH", "COPYRIGHT", "UNDERAGE_USE", "MEDIA_CONTACT", "OTHER"})
    void inc2_everyOtherCategoryGoesToSltEvenWithAPupilNamed(IncidentCategory category) {
        expectRoute(category, people(PUPIL, THIRD_PARTY), AssignedRole.SLT, RoutingReason.GENERAL);
    }
}
