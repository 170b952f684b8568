package uk.schoolsocial.account.response.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.official.command.AccountAdministrators;
import uk.schoolsocial.events.account.AccountMessageAnswerOverdueEvent;
import uk.schoolsocial.events.account.AccountMessageAnsweredEvent;
import uk.schoolsocial.events.account.AccountMessageLoggedEvent;
import uk.schoolsocial.events.account.MessageChannel;
import uk.schoolsocial.events.account.MessageType;
import uk.schoolsocial.events.account.SchoolHoliday;
import uk.schoolsocial.platform.error.DomainException;

class AccountMessageTest {

    /** A Tuesday. */
    private static final Instant NOW = Instant.parse("2026-11-17T10:15:30Z");
    private static final MessageId ID = new MessageId("msg-1");
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-17T08:00:00Z");
    private AggregateTestFixture<AccountMessage> fixture;

    /** acc-1 of school-a, run by staff-2 and staff-3; acc-closed is closed. */
    private static final AccountAdministrators ACCOUNTS = (schoolId, accountId) -> {
        if (!"school-a".equals(schoolId)) {
            return Optional.empty();
        }
        return switch (accountId) {
            case "acc-1" -> Optional.of(new AccountAdministrators.Account(List.of("staff-2", "staff-3"), false));
            case "acc-closed" -> Optional.of(new AccountAdministrators.Account(List.of("staff-2"), true));
            default -> Optional.empty();
        };
    };

    /** School-a is on holiday on Monday 16 November. */
    private static final SchoolHolidays HOLIDAYS = schoolId -> List.of(
            new SchoolHoliday(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-16"), "Training day"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountMessage.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(ACCOUNTS);
        fixture.registerInjectableResource(HOLIDAYS);
        fixture.registerInjectableResource(ResponseRule.DEFAULT);
    }

    private static LogMessageCommand log(String accountId, String actor, boolean slt, Instant receivedAt) {
        return new LogMessageCommand(ID, "school-a", accountId, actor, slt, MessageType.COMPLAINT,
                MessageChannel.DIRECT_MESSAGE, " Parking at the fixture ", receivedAt);
    }

    private static AccountMessageLoggedEvent logged(Instant receivedAt, Instant dueAt, String by) {
        return new AccountMessageLoggedEvent("msg-1", "acc-1", "school-a", MessageType.COMPLAINT,
                MessageChannel.DIRECT_MESSAGE, "Parking at the fixture", receivedAt, by, dueAt, NOW);
    }

    private static AccountMessageLoggedEvent loggedTuesday() {
        return logged(TUESDAY_MORNING, TUESDAY_MORNING.plus(Duration.ofHours(24)), "staff-2");
    }

    private static AnswerMessageCommand answer(String actor, boolean slt, Instant at) {
        return new AnswerMessageCommand(ID, "school-a", "acc-1", actor, slt, at, "Spoke to the parent", null);
    }

    @Test
    void acc8_anAdministratorLogsAMessageDue24HoursAfterItArrived() {
        fixture.givenNoPriorActivity()
                .when(log("acc-1", "staff-2", false, TUESDAY_MORNING))
                .expectEvents(loggedTuesday())
                .expectScheduledDeadlineWithName(TUESDAY_MORNING.plus(Duration.ofHours(24)), AccountMessage.ANSWER_DUE);
    }

    @Test
    void acc8_aMessageUnansweredAtItsDueTimeRecordsTheBreach() {
        Instant due = TUESDAY_MORNING.plus(Duration.ofHours(24));
        fixture.givenCommands(log("acc-1", "staff-2", false, TUESDAY_MORNING))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectDeadlinesMet(due)
                .expectEvents(new AccountMessageAnswerOverdueEvent("msg-1", "acc-1", "school-a", due, NOW));
    }

    /** Logged on Tuesday, received on Thursday the week before: due on Friday, long past. */
    private static final Instant THURSDAY_BEFORE = Instant.parse("2026-11-12T09:00:00Z");
    private static final Instant FRIDAY_BEFORE = THURSDAY_BEFORE.plus(Duration.ofHours(24));

    @Test
    void acc8_aMessageLoggedAfterItsDueTimeIsJudgedAGraceAfterItsLoggingSoTheAnswerCanBeLoggedToo() {
        fixture.givenNoPriorActivity()
                .when(log("acc-1", "staff-2", false, THURSDAY_BEFORE))
                .expectEvents(logged(THURSDAY_BEFORE, FRIDAY_BEFORE, "staff-2"))
                .expectScheduledDeadlineWithName(NOW.plus(Duration.ofMinutes(15)), AccountMessage.ANSWER_DUE);
        fixture.givenCommands(log("acc-1", "staff-2", false, THURSDAY_BEFORE))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(new AccountMessageAnswerOverdueEvent("msg-1", "acc-1", "school-a", FRIDAY_BEFORE, NOW));
    }

    @Test
    void acc8_anAnswerThatWentOutInTimeButWasLoggedLateIsNoBreach() {
        fixture.givenCommands(log("acc-1", "staff-2", false, THURSDAY_BEFORE),
                        answer("staff-2", false, FRIDAY_BEFORE.minusSeconds(60)))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void acc8_anAnswerAfterTheDueTimeIsABreachEvenWhenLoggedWithTheMessage() {
        fixture.givenCommands(log("acc-1", "staff-2", false, THURSDAY_BEFORE),
                        answer("staff-2", false, FRIDAY_BEFORE.plusSeconds(60)))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(new AccountMessageAnswerOverdueEvent("msg-1", "acc-1", "school-a", FRIDAY_BEFORE, NOW));
    }

    @Test
    void acc8_anAnsweredMessageIsNeverOverdueAndItsDeadlineIsCancelled() {
        fixture.givenCommands(log("acc-1", "staff-2", false, TUESDAY_MORNING),
                        answer("staff-3", false, Instant.parse("2026-11-17T09:00:00Z")))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void acc8_aMessageReceivedAtTheWeekendIsDueAtTheEndOfTheNextWorkingDaySkippingHolidays() {
        Instant saturday = Instant.parse("2026-11-14T12:00:00Z");
        fixture.givenNoPriorActivity()
                .when(log("acc-1", "slt-1", true, saturday))
                .expectEvents(logged(saturday, Instant.parse("2026-11-18T00:00:00Z"), "slt-1"));
    }

    @Test
    void acc8_sltLogsForAnyAccountButNobodyElseWhoDoesNotAdministerIt() {
        fixture.givenNoPriorActivity()
                .when(log("acc-1", "staff-9", false, TUESDAY_MORNING))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("staff-9 is neither an administrator of the account nor SLT");
    }

    @Test
    void acc8_anotherSchoolsAccountIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new LogMessageCommand(ID, "school-b", "acc-1", "slt-1", true, MessageType.QUERY,
                        MessageChannel.MENTION, "x", TUESDAY_MORNING))
                .expectNoEvents()
                .expectExceptionMessage("No such account");
    }

    @Test
    void acc8_aClosedAccountTakesNoNewMessages() {
        fixture.givenNoPriorActivity()
                .when(log("acc-closed", "staff-2", false, TUESDAY_MORNING))
                .expectNoEvents()
                .expectExceptionMessage("The account is closed");
    }

    @Test
    void acc8_anIncompleteMessageHasEveryGapNamed() {
        fixture.givenNoPriorActivity()
                .when(new LogMessageCommand(ID, "school-a", "acc-1", "staff-2", false, null, null, " ",
                        NOW.plusSeconds(60)))
                .expectNoEvents()
                .expectExceptionMessage("The message is incomplete: [type, channel, summary, receivedAt]");
        fixture.givenNoPriorActivity()
                .when(log("acc-1", "staff-2", false, NOW.minus(Duration.ofDays(400))))
                .expectNoEvents()
                .expectExceptionMessage("The message is incomplete: [receivedAt]");
    }

    @Test
    void acc8_anAdministratorRecordsTheAnswerOnce() {
        Instant at = Instant.parse("2026-11-17T09:00:00Z");
        fixture.given(loggedTuesday())
                .when(answer("staff-3", false, at))
                .expectEvents(new AccountMessageAnsweredEvent("msg-1", "acc-1", "school-a", "staff-3", at,
                        "Spoke to the parent", NOW))
                .expectResultMessagePayload(1L);
        fixture.given(loggedTuesday(), new AccountMessageAnsweredEvent("msg-1", "acc-1", "school-a", "staff-3", at,
                        null, NOW))
                .when(answer("staff-2", false, null))
                .expectNoEvents()
                .expectExceptionMessage("The message was answered already");
    }

    @Test
    void acc8_anAnswerWithoutATimeWentOutNow() {
        fixture.given(loggedTuesday())
                .when(new AnswerMessageCommand(ID, "school-a", "acc-1", "slt-1", true, null, " ", null))
                .expectEvents(new AccountMessageAnsweredEvent("msg-1", "acc-1", "school-a", "slt-1", NOW, null, NOW));
    }

    @Test
    void acc8_anAnswerCannotPredateTheMessageOrLieInTheFuture() {
        fixture.given(loggedTuesday())
                .when(answer("staff-2", false, TUESDAY_MORNING.minusSeconds(1)))
                .expectNoEvents()
                .expectExceptionMessage("The answer cannot predate the message or be in the future");
        fixture.given(loggedTuesday())
                .when(answer("staff-2", false, NOW.plusSeconds(1)))
                .expectNoEvents()
                .expectExceptionMessage("The answer cannot predate the message or be in the future");
    }

    @Test
    void acc8_onlyAnAdministratorOrSltAnswers() {
        fixture.given(loggedTuesday())
                .when(answer("staff-9", false, null))
                .expectNoEvents()
                .expectExceptionMessage("staff-9 is neither an administrator of the account nor SLT");
    }

    @Test
    void acc8_aMessageOfAnotherSchoolOrAccountIsNotFound() {
        fixture.given(loggedTuesday())
                .when(new AnswerMessageCommand(ID, "school-b", "acc-1", "slt-1", true, null, null, null))
                .expectNoEvents()
                .expectExceptionMessage("No such message");
        fixture.given(loggedTuesday())
                .when(new AnswerMessageCommand(ID, "school-a", "acc-2", "slt-1", true, null, null, null))
                .expectNoEvents()
                .expectExceptionMessage("No such message");
    }

    @Test
    void acc8_aLateAnswerIsStillRecordedAfterTheAccountClosed() {
        fixture.given(new AccountMessageLoggedEvent("msg-1", "acc-closed", "school-a", MessageType.QUERY,
                        MessageChannel.POST_COMMENT, "When is sports day?", TUESDAY_MORNING.minus(Duration.ofDays(3)),
                        "staff-2", TUESDAY_MORNING.minus(Duration.ofDays(2)), NOW))
                .when(new AnswerMessageCommand(ID, "school-a", "acc-closed", "staff-2", false, null, null, null))
                .expectEvents(new AccountMessageAnsweredEvent("msg-1", "acc-closed", "school-a", "staff-2", NOW, null,
                        NOW));
    }
}
