package uk.schoolsocial.account.official.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;

class SchoolPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private AggregateTestFixture<SchoolPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SchoolPolicy.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
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
}
