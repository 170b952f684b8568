package uk.schoolsocial.account.official.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.account.shared.command.StaffName;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;
import uk.schoolsocial.events.account.StaffPolicyAcknowledgedEvent;
import uk.schoolsocial.events.account.StaffTrainingRecordedEvent;
import uk.schoolsocial.platform.error.DomainException;

class SchoolPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private AggregateTestFixture<SchoolPolicy> fixture;

    /** staff-4 is current staff; anyone else has left or was never on the roster. */
    private static final StaffDirectory ROSTER = new StaffDirectory() {
        @Override
        public Set<String> notEligibleAdministrators(String schoolId, Collection<String> ids) {
            return ids.stream().filter(id -> !id.equals("staff-4")).collect(Collectors.toSet());
        }

        @Override
        public List<StaffName> currentStaffNames(String schoolId) {
            return List.of();
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SchoolPolicy.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(ROSTER);
    }

    @Test
    void acc5_theFirstPublicationIsVersionTwoAfterTheOneInForce() {
        fixture.givenNoPriorActivity()
                .when(new PublishPolicyVersionCommand("school-a", "Tagging rule"))
                .expectEvents(new PolicyVersionPublishedEvent("school-a", 2, "Tagging rule", NOW))
                .expectResultMessagePayload(2);
    }

    @Test
    void acc5_eachPublicationIsTheNextVersion() {
        fixture.given(new PolicyVersionPublishedEvent("school-a", 2, "Tagging rule", NOW))
                .when(new PublishPolicyVersionCommand("school-a", "Response times"))
                .expectEvents(new PolicyVersionPublishedEvent("school-a", 3, "Response times", NOW));
    }

    @Test
    void acc5_aPublicationNeedsASummary() {
        fixture.givenNoPriorActivity()
                .when(new PublishPolicyVersionCommand("school-a", " "))
                .expectNoEvents()
                .expectExceptionMessage("A policy version needs a summary of what changed");
    }

    @Test
    void acc5_acc7_aMemberOfStaffAcknowledgesTheCurrentVersionBeforeRunningAnAccount() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgePolicyAsStaffCommand("school-a", "staff-4", 1, "staff-4"))
                .expectEvents(new StaffPolicyAcknowledgedEvent("school-a", "staff-4", 1, NOW));
        fixture.given(new PolicyVersionPublishedEvent("school-a", 2, "Tagging rule", NOW),
                        new StaffPolicyAcknowledgedEvent("school-a", "staff-4", 1, NOW))
                .when(new AcknowledgePolicyAsStaffCommand("school-a", "staff-4", 2, "staff-4"))
                .expectEvents(new StaffPolicyAcknowledgedEvent("school-a", "staff-4", 2, NOW));
    }

    @Test
    void acc5_aMemberOfStaffAcknowledgesForThemselvesOnly() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgePolicyAsStaffCommand("school-a", "staff-4", 1, "staff-5"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("Members of staff acknowledge the policy for themselves only");
    }

    @Test
    void acc5_onlyTheCurrentVersionCanBeAcknowledged() {
        fixture.given(new PolicyVersionPublishedEvent("school-a", 2, "Tagging rule", NOW))
                .when(new AcknowledgePolicyAsStaffCommand("school-a", "staff-4", 1, "staff-4"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The current policy version is 2");
    }

    @Test
    void acc5_acknowledgingOrTrainingTwiceChangesNothing() {
        fixture.given(new StaffPolicyAcknowledgedEvent("school-a", "staff-4", 1, NOW))
                .when(new AcknowledgePolicyAsStaffCommand("school-a", "staff-4", 1, "staff-4"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(new StaffTrainingRecordedEvent("school-a", "staff-4", "slt-1", NOW))
                .when(new RecordStaffTrainingCommand("school-a", "staff-4", "slt-2"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void acc5_acc7_trainingIsRecordedForCurrentStaffOnly() {
        fixture.givenNoPriorActivity()
                .when(new RecordStaffTrainingCommand("school-a", "staff-4", "slt-1"))
                .expectEvents(new StaffTrainingRecordedEvent("school-a", "staff-4", "slt-1", NOW));
        fixture.givenNoPriorActivity()
                .when(new RecordStaffTrainingCommand("school-a", "leaver-1", "slt-1"))
                .expectNoEvents()
                .expectExceptionMessage("leaver-1 is not a current member of staff or a registered volunteer");
        fixture.givenNoPriorActivity()
                .when(new AcknowledgePolicyAsStaffCommand("school-a", "leaver-1", 1, "leaver-1"))
                .expectNoEvents()
                .expectExceptionMessage("leaver-1 is not a current member of staff or a registered volunteer");
    }
}
