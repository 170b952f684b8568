package uk.schoolsocial.account.official.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.EscalateHandoverCommand;
import uk.schoolsocial.account.official.command.OpenedHandover;
import uk.schoolsocial.account.official.command.RecordAdministratorLeftCommand;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;

class HandoverSagaTest {

    private static final LocalDate LEAVING = LocalDate.parse("2026-11-20");
    private static final Duration DUE_IN = Duration.ofDays(14);
    private SagaTestFixture<HandoverSaga> fixture;
    private Instant due;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HandoverSaga.class);
        due = fixture.currentTime().plus(DUE_IN);
        // staff-1 administers acc-1 (which falls below two fit administrators) and acc-2 (which does not).
        fixture.registerResource((AdministeredAccounts) (school, staff) ->
                "staff-1".equals(staff) ? List.of("acc-1", "acc-2") : List.of());
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RecordAdministratorLeftCommand left && left.accountId().value().equals("acc-1")) {
                return new OpenedHandover("acc-1", "ho-1", due);
            }
            return null;
        });
    }

    private static StaffMemberLeftEvent left(String staffId) {
        return new StaffMemberLeftEvent("school-a", staffId, LEAVING, Instant.parse("2026-11-21T10:15:30Z"));
    }

    @Test
    void acc7_aLeaverIsCheckedOnEveryAccountTheyAdministerAndAHandoverGetsADeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(left("staff-1"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RecordAdministratorLeftCommand(new AccountId("acc-1"), "school-a", "staff-1", LEAVING),
                        new RecordAdministratorLeftCommand(new AccountId("acc-2"), "school-a", "staff-1", LEAVING))
                .expectScheduledDeadlineWithName(due, HandoverSaga.OVERDUE);
    }

    @Test
    void acc7_aLeaverWhoAdministersNothingEndsTheProcessAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(left("staff-9"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void acc7_anOverdueHandoverEscalatesToSlt() {
        fixture.givenAPublished(left("staff-1"))
                .whenTimeElapses(DUE_IN.plusSeconds(1))
                .expectDeadlinesMet(new HandoverDeadline("acc-1", "ho-1"))
                .expectDispatchedCommands(new EscalateHandoverCommand(new AccountId("acc-1"), "ho-1"));
    }

    @Test
    void acc7_nothingEscalatesBeforeTheDueTime() {
        fixture.givenAPublished(left("staff-1"))
                .whenTimeAdvancesTo(due.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void acc7_aCompletedHandoverCancelsItsDeadlineAndEndsTheProcess() {
        fixture.givenAPublished(left("staff-1"))
                .whenPublishingA(new HandoverCompletedEvent("acc-1", "school-a", "ho-1", "TRANSFERRED", "staff-5",
                        Instant.parse("2026-11-22T10:00:00Z"), 1))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
