package uk.schoolsocial.account.application.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.platform.error.DomainException;

class AccountApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final ApplicationId ID = new ApplicationId("app-1");
    private AggregateTestFixture<AccountApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountApplication.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SubmitApplicationCommand submit(List<String> administrators) {
        return new SubmitApplicationCommand(ID, "school-a", "staff-1", AccountPlatform.INSTAGRAM, "Oakfield PE",
                "oakfield_pe", "Share fixtures", "Parents", "Newsletter", administrators, AccountPrivacy.PRIVATE,
                "Approved followers only");
    }

    private static ApplicationSubmittedEvent submitted() {
        return new ApplicationSubmittedEvent("app-1", "school-a", "staff-1", 1, AccountPlatform.INSTAGRAM, "Oakfield PE",
                "oakfield_pe", "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"),
                AccountPrivacy.PRIVATE, "Approved followers only", NOW);
    }

    @Test
    void acc1_aCompleteBusinessCaseIsSubmittedAsRevisionOne() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of("staff-2", "staff-3")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void acc1_anIncompleteCaseIsRefusedNamingEveryMissingField() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplicationCommand(ID, "school-a", "staff-1", null, " ", null, "", "Parents", null,
                        List.of("staff-2"), null, ""))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("The business case is incomplete: "
                        + "[platform, proposedName, aim, promotion, privacy, privacyReason, administrators]");
    }

    @Test
    void acc1_theSameAdministratorTwiceDoesNotCountAsTwo() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of("staff-2", "staff-2")))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void acc2_theApplicantCanWithdrawBeforeADecision() {
        fixture.given(submitted())
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-1", "Using the main account", null))
                .expectEvents(new ApplicationWithdrawnEvent("app-1", "school-a", "Using the main account", NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void acc2_onlyTheApplicantCanWithdraw() {
        fixture.given(submitted())
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-9", "Not mine", null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("Only the applicant can withdraw an application");
    }

    @Test
    void acc2_aWithdrawnApplicationCannotBeWithdrawnAgain() {
        fixture.given(submitted(), new ApplicationWithdrawnEvent("app-1", "school-a", "first", NOW))
                .when(new WithdrawApplicationCommand(ID, "school-a", "staff-1", "again", null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void anotherSchoolCannotTouchTheApplication() {
        fixture.given(submitted())
                .when(new WithdrawApplicationCommand(ID, "school-b", "staff-1", "Not our school", null))
                .expectNoEvents()
                .expectExceptionMessage("No such application");
    }
}
