package uk.schoolsocial.account.response.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import uk.schoolsocial.account.api.ResponsesApi;
import uk.schoolsocial.account.api.model.AccountMessage;
import uk.schoolsocial.account.api.model.AccountMessagePage;
import uk.schoolsocial.account.api.model.AnswerMessageRequest;
import uk.schoolsocial.account.api.model.LogMessageRequest;
import uk.schoolsocial.account.api.model.MessageStatusFilter;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.SchoolHolidays;
import uk.schoolsocial.account.api.model.SetSchoolHolidaysRequest;
import uk.schoolsocial.account.official.query.AccountView;
import uk.schoolsocial.account.official.query.AccountViewRepository;
import uk.schoolsocial.account.response.command.AnswerMessageCommand;
import uk.schoolsocial.account.response.command.LogMessageCommand;
import uk.schoolsocial.account.response.command.MessageId;
import uk.schoolsocial.account.response.command.ResponseError;
import uk.schoolsocial.account.response.command.SetSchoolHolidaysCommand;
import uk.schoolsocial.account.response.query.AccountMessageView;
import uk.schoolsocial.account.response.query.AccountMessageViewRepository;
import uk.schoolsocial.account.response.query.SchoolHolidayLookupRepository;
import uk.schoolsocial.events.account.MessageChannel;
import uk.schoolsocial.events.account.MessageType;
import uk.schoolsocial.events.account.SchoolHoliday;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.ETags;
import uk.schoolsocial.platform.web.KeysetPage;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * The response rule (ACC-8), as {@code account.yaml} defines it: messages an account received,
 * their answers, breaches, and the school's holidays. Breaches are judged at the injected clock's now.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ResponsesController implements ResponsesApi {

    /** Roles that read any account's messages; others only those of accounts they administer. */
    private static final String[] SEE_ALL = {Roles.SLT, Roles.ACCOUNT_ADMIN, Roles.AUDITOR};

    private final CommandSender commands;
    private final CurrentActor current;
    private final AccountMessageViewRepository messages;
    private final AccountViewRepository accounts;
    private final SchoolHolidayLookupRepository calendars;
    private final Clock clock;

    ResponsesController(CommandSender commands, CurrentActor current, AccountMessageViewRepository messages,
                        AccountViewRepository accounts, SchoolHolidayLookupRepository calendars, Clock clock) {
        this.commands = commands;
        this.current = current;
        this.messages = messages;
        this.accounts = accounts;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<AccountMessage> logMessage(UUID accountId, LogMessageRequest request, String idempotencyKey,
                                                   String correlationId) {
        Actor actor = current.get();
        MessageId id = MessageId.create();
        commands.send(new LogMessageCommand(id, actor.schoolId(), accountId.toString(), actor.id(),
                actor.hasRole(Roles.SLT), MessageType.valueOf(request.getType().getValue()),
                MessageChannel.valueOf(request.getChannel().getValue()), request.getSummary(),
                request.getReceivedAt().toInstant()));
        AccountMessageView view = ReadYourWrites.await(() -> messages.findById(id.value()), AccountMessageView::version, 0);
        return HttpResponse.created(MessageMapper.toApi(view, clock.instant()),
                        URI.create("/api/v1/accounts/" + accountId + "/messages/" + id.value()))
                .header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public AccountMessagePage listMessages(UUID accountId, MessageStatusFilter status, String cursor, Integer limit) {
        AccountView account = readable(accountId);
        return page(cursor, limit, now -> (afterAt, afterId, count) -> messages.page(account.schoolId(),
                account.id(), status == null ? null : status.getValue(), now, afterAt, afterId, count));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public HttpResponse<AccountMessage> getMessage(UUID accountId, UUID messageId) {
        AccountView account = readable(accountId);
        AccountMessageView view = messages.findByIdAndAccountIdAndSchoolId(messageId.toString(), account.id(),
                account.schoolId()).orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such message"));
        return HttpResponse.ok(MessageMapper.toApi(view, clock.instant())).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN})
    public HttpResponse<AccountMessage> answerMessage(UUID accountId, UUID messageId, AnswerMessageRequest request,
                                                      String idempotencyKey, String ifMatch, String correlationId) {
        Actor actor = current.get();
        String id = messageId.toString();
        long version = commands.send(new AnswerMessageCommand(new MessageId(id), actor.schoolId(), accountId.toString(),
                actor.id(), actor.hasRole(Roles.SLT),
                request.getAnsweredAt() == null ? null : request.getAnsweredAt().toInstant(), request.getAnswer(),
                ETags.expectedVersion(ifMatch)));
        AccountMessageView view = ReadYourWrites.await(() -> messages.findById(id), AccountMessageView::version, version);
        return HttpResponse.ok(MessageMapper.toApi(view, clock.instant())).header("ETag", ETags.of(view.version()));
    }

    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public AccountMessagePage listResponseBreaches(String cursor, Integer limit) {
        String school = current.get().schoolId();
        return page(cursor, limit, now -> (afterAt, afterId, count) -> messages.breaches(school, now, afterAt,
                afterId, count));
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public HttpResponse<SchoolHolidays> getSchoolHolidays() {
        return holidays(current.get().schoolId());
    }

    /** The calendar's look-up is written in the command's transaction, so the answer reads it directly. */
    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN})
    public HttpResponse<SchoolHolidays> setSchoolHolidays(SetSchoolHolidaysRequest request, String ifMatch,
                                                          String correlationId) {
        Actor actor = current.get();
        List<SchoolHoliday> holidays = request.getHolidays().stream()
                .map(h -> new SchoolHoliday(h.getFirstDay(), h.getLastDay(), h.getName())).toList();
        commands.send(new SetSchoolHolidaysCommand(actor.schoolId(), holidays, ETags.expectedVersion(ifMatch)));
        return holidays(actor.schoolId());
    }

    /** The account, if the caller may read its messages: 404 for another school's, 403 for one they do not administer. */
    private AccountView readable(UUID accountId) {
        Actor actor = current.get();
        AccountView account = accounts.findByIdAndSchoolId(accountId.toString(), actor.schoolId())
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such account"));
        if (!actor.hasAnyRole(SEE_ALL) && !account.administrators().contains(actor.id())) {
            throw new DomainException(ResponseError.NOT_AN_ADMINISTRATOR,
                    actor.id() + " does not administer the account");
        }
        return account;
    }

    /** One page of messages, with breaches judged at {@code now}. */
    /** The query and the {@code breached} of each item judge at the same moment. */
    private AccountMessagePage page(String cursor, Integer limit,
                                    Function<Instant, KeysetPage.Query<AccountMessageView>> queryAt) {
        Instant now = clock.instant();
        KeysetPage<AccountMessageView> page = KeysetPage.read(cursor, limit, queryAt.apply(now),
                last -> new Cursor(last.receivedAt(), last.id()));
        return new AccountMessagePage(page.map(view -> MessageMapper.toApi(view, now)),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    private HttpResponse<SchoolHolidays> holidays(String schoolId) {
        return calendars.findById(schoolId)
                .<HttpResponse<SchoolHolidays>>map(row -> HttpResponse.ok(MessageMapper.toApi(row))
                        .header("ETag", ETags.of(row.version())))
                .orElseGet(() -> HttpResponse.ok(new SchoolHolidays(List.of())));
    }
}
