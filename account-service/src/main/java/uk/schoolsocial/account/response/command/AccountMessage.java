package uk.schoolsocial.account.response.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.account.official.command.AccountAdministrators;
import uk.schoolsocial.account.shared.command.IfMatch;
import uk.schoolsocial.events.account.AccountMessageAnswerOverdueEvent;
import uk.schoolsocial.events.account.AccountMessageAnsweredEvent;
import uk.schoolsocial.events.account.AccountMessageLoggedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * ACC-8: a comment, query or complaint an official account received, the time its answer is due,
 * and the answer. One aggregate per message, so a busy account's stream stays small.
 */
public class AccountMessage {

    /** How far back a message may be logged: the rule is about a day, and a typo's year is refused. */
    static final Duration LOGGED_WITHIN = Duration.ofDays(366);
    /** ACC-8: fires at the message's due time; a breach is recorded if no answer was by then. */
    static final String ANSWER_DUE = "account-message-answer-due";

    @AggregateIdentifier
    private String messageId;
    private String schoolId;
    private String accountId;
    private Instant receivedAt;
    /** Null until answered. */
    private Instant answeredAt;
    private Instant dueAt;
    private boolean overdue;

    protected AccountMessage() {
        // for Axon
    }

    @CommandHandler
    public AccountMessage(LogMessageCommand command, Clock clock, AccountAdministrators accounts,
                          SchoolHolidays holidays, ResponseRule rule, DeadlineManager deadlines) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        if (command.type() == null) {
            errors.add(new FieldError("type", "must be given"));
        }
        if (command.channel() == null) {
            errors.add(new FieldError("channel", "must be given"));
        }
        if (command.summary() == null || command.summary().isBlank()) {
            errors.add(new FieldError("summary", "must not be blank"));
        }
        if (command.receivedAt() == null || command.receivedAt().isAfter(now)) {
            errors.add(new FieldError("receivedAt", "must be given and not in the future"));
        } else if (command.receivedAt().isBefore(now.minus(LOGGED_WITHIN))) {
            errors.add(new FieldError("receivedAt", "must be within the last year"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ResponseError.INVALID_MESSAGE,
                    "The message is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
        AccountAdministrators.Account account = requireResponder(accounts, command.schoolId(), command.accountId(),
                command.actorId(), command.slt());
        if (account.closed()) {
            throw new DomainException(ResponseError.INVALID_STATE, "The account is closed");
        }
        Instant dueAt = rule.dueAt(command.receivedAt(), holidays.of(command.schoolId()));
        apply(new AccountMessageLoggedEvent(command.messageId().value(), command.accountId(), command.schoolId(),
                command.type(), command.channel(), command.summary().strip(), command.receivedAt(), command.actorId(),
                dueAt, now));
        // ACC-8: breaches are reported: at the due time, or a grace after logging a message logged later.
        deadlines.schedule(rule.breachCheckAt(dueAt, now), ANSWER_DUE, dueAt);
    }

    /** ACC-8: once, by an administrator of the account or SLT, also after the account closed. */
    @CommandHandler
    public long handle(AnswerMessageCommand command, Clock clock, AccountAdministrators accounts,
                       ConflictResolver conflicts, DeadlineManager deadlines) {
        if (!schoolId.equals(command.schoolId()) || !accountId.equals(command.accountId())) {
            throw new DomainException(ResponseError.NOT_FOUND, "No such message");
        }
        IfMatch.requireCurrent(conflicts);
        requireResponder(accounts, schoolId, accountId, command.actorId(), command.slt());
        if (answeredAt != null) {
            throw new DomainException(ResponseError.ALREADY_ANSWERED, "The message was answered already");
        }
        Instant now = clock.instant();
        Instant answered = command.answeredAt() == null ? now : command.answeredAt();
        if (answered.isBefore(receivedAt) || answered.isAfter(now)) {
            throw new DomainException(ResponseError.INVALID_MESSAGE,
                    "The answer cannot predate the message or be in the future",
                    List.of(new FieldError("answeredAt", "must be between the message's receipt and now")));
        }
        String answer = command.answer() == null || command.answer().isBlank() ? null : command.answer().strip();
        apply(new AccountMessageAnsweredEvent(messageId, accountId, schoolId, command.actorId(), answered, answer, now));
        if (!answered.isAfter(dueAt)) {
            deadlines.cancelAllWithinScope(ANSWER_DUE);
        }
        return AggregateLifecycle.getVersion();
    }

    /** ACC-8: the answer was due at {@code dueAt}; unanswered by then, or answered later, the breach is recorded once. */
    @DeadlineHandler(deadlineName = ANSWER_DUE)
    void answerDue(Instant dueAt, Clock clock) {
        if (!overdue && (answeredAt == null || answeredAt.isAfter(dueAt))) {
            apply(new AccountMessageAnswerOverdueEvent(messageId, accountId, schoolId, dueAt, clock.instant()));
        }
    }

    private static AccountAdministrators.Account requireResponder(AccountAdministrators accounts, String schoolId,
                                                                  String accountId, String actorId, boolean slt) {
        AccountAdministrators.Account account = accounts.find(schoolId, accountId)
                .orElseThrow(() -> new DomainException(ResponseError.NOT_FOUND, "No such account"));
        if (!account.mayRespond(actorId, slt)) {
            throw new DomainException(ResponseError.NOT_AN_ADMINISTRATOR,
                    actorId + " is neither an administrator of the account nor SLT");
        }
        return account;
    }

    @EventSourcingHandler
    void on(AccountMessageLoggedEvent event) {
        messageId = event.messageId();
        schoolId = event.schoolId();
        accountId = event.accountId();
        receivedAt = event.receivedAt();
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(AccountMessageAnsweredEvent event) {
        answeredAt = event.answeredAt();
    }

    @EventSourcingHandler
    void on(AccountMessageAnswerOverdueEvent event) {
        overdue = true;
    }
}
