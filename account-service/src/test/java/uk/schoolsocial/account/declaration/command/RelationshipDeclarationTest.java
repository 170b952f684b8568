package uk.schoolsocial.account.declaration.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.RelationshipApprovedEvent;
import uk.schoolsocial.events.account.RelationshipDeclaredEvent;
import uk.schoolsocial.events.account.RelationshipRefusedEvent;
import uk.schoolsocial.platform.error.DomainException;

class RelationshipDeclarationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final DeclarationId ID = new DeclarationId("d-1");
    private AggregateTestFixture<RelationshipDeclaration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RelationshipDeclaration.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RelationshipDeclaredEvent declared() {
        return new RelationshipDeclaredEvent("d-1", "school-a", "staff-1", "PUPIL", "Ella Brown", "FAMILY", "Niece", NOW);
    }

    @Test
    void acc10_staffDeclareALinkWithAPupil() {
        fixture.givenNoPriorActivity()
                .when(new DeclareRelationshipCommand(ID, "school-a", "staff-1", "PUPIL", " Ella Brown ", "FAMILY", "Niece"))
                .expectEvents(declared());
    }

    @Test
    void acc10_anIncompleteDeclarationNamesEveryField() {
        fixture.givenNoPriorActivity()
                .when(new DeclareRelationshipCommand(ID, "school-a", "staff-1", "TEACHER", " ", null, null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The declaration is incomplete: [relatedTo, personName, nature]");
    }

    @Test
    void acc10_theHeadteacherApprovesWithAReason() {
        fixture.given(declared())
                .when(new DecideRelationshipCommand(ID, "school-a", "slt-1", true, "Family link"))
                .expectEvents(new RelationshipApprovedEvent("d-1", "school-a", "slt-1", "Family link", NOW));
    }

    @Test
    void acc10_theHeadteacherRefusesWithAReason() {
        fixture.given(declared())
                .when(new DecideRelationshipCommand(ID, "school-a", "slt-1", false, "Use school channels"))
                .expectEvents(new RelationshipRefusedEvent("d-1", "school-a", "slt-1", "Use school channels", NOW));
    }

    @Test
    void acc10_noOneDecidesTheirOwnDeclaration() {
        fixture.given(declared())
                .when(new DecideRelationshipCommand(ID, "school-a", "staff-1", true, "Fine by me"))
                .expectNoEvents()
                .expectExceptionMessage("No one decides their own declaration");
    }

    @Test
    void acc10_aDeclarationIsDecidedOnce() {
        fixture.given(declared(), new RelationshipRefusedEvent("d-1", "school-a", "slt-1", "No", NOW))
                .when(new DecideRelationshipCommand(ID, "school-a", "slt-2", true, "Overrule"))
                .expectNoEvents()
                .expectExceptionMessage("The declaration was decided already");
    }

    @Test
    void acc10_aDecisionNeedsAReason() {
        fixture.given(declared())
                .when(new DecideRelationshipCommand(ID, "school-a", "slt-1", true, " "))
                .expectNoEvents()
                .expectExceptionMessage("A decision needs a reason");
    }
}
