package uk.schoolsocial.account.official.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.ZoneOffset;
import java.util.UUID;
import uk.schoolsocial.account.api.HandoversApi;
import uk.schoolsocial.account.api.model.Handover;
import uk.schoolsocial.account.api.model.HandoverPage;
import uk.schoolsocial.account.api.model.HandoverStatus;
import uk.schoolsocial.account.api.model.PageInfo;
import uk.schoolsocial.account.api.model.TransferHandoverRequest;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.CredentialVault;
import uk.schoolsocial.account.official.command.TransferHandoverCommand;
import uk.schoolsocial.account.official.query.AccountView;
import uk.schoolsocial.account.official.query.AccountViewRepository;
import uk.schoolsocial.account.official.query.HandoverView;
import uk.schoolsocial.account.official.query.HandoverViewRepository;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.KeysetPage;
import uk.schoolsocial.platform.web.ReadYourWrites;

/** Handovers on departure (ACC-7), as {@code account.yaml} defines them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class HandoversController implements HandoversApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final HandoverViewRepository handovers;
    private final AccountViewRepository accounts;

    HandoversController(CommandSender commands, CurrentActor current, HandoverViewRepository handovers,
                        AccountViewRepository accounts) {
        this.commands = commands;
        this.current = current;
        this.handovers = handovers;
        this.accounts = accounts;
    }

    @Override
    @Secured({Roles.SLT, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public HandoverPage listHandovers(HandoverStatus status, UUID accountId, String cursor, Integer limit) {
        Actor actor = current.get();
        KeysetPage<HandoverView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> handovers.page(
                actor.schoolId(), status == null ? null : status.getValue(),
                accountId == null ? null : accountId.toString(), afterAt, afterId, count),
                last -> new Cursor(last.openedAt(), last.id()));
        return new HandoverPage(page.map(HandoversController::toApi),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }

    /** ACC-7: to a fit member of staff, with the new login details (ACC-6: sealed, never answered or in an event). */
    @Override
    @Secured(Roles.ACCOUNT_ADMIN)
    public Handover transferHandover(UUID accountId, UUID handoverId, TransferHandoverRequest request,
                                     String idempotencyKey, String correlationId) {
        Actor actor = current.get();
        long version = commands.send(new TransferHandoverCommand(new AccountId(accountId.toString()), actor.schoolId(),
                handoverId.toString(), request.getNewAdministratorId(), new CredentialVault.Credentials(
                        request.getCredentials().getLogin().strip(), request.getCredentials().getSecret())));
        ReadYourWrites.await(() -> accounts.findById(accountId.toString()), AccountView::version, version);
        return handovers.findByIdAndSchoolId(handoverId.toString(), actor.schoolId()).map(HandoversController::toApi)
                .orElseThrow();
    }

    static Handover toApi(HandoverView view) {
        Handover api = new Handover(UUID.fromString(view.id()), UUID.fromString(view.accountId()), view.leaverId(),
                HandoverStatus.fromValue(view.status()), view.fitAdministrators(), view.dueAt().atZone(ZoneOffset.UTC),
                view.openedAt().atZone(ZoneOffset.UTC));
        if (view.escalatedAt() != null) {
            api.setEscalatedAt(view.escalatedAt().atZone(ZoneOffset.UTC));
        }
        if (view.completedAt() != null) {
            api.setCompletedAt(view.completedAt().atZone(ZoneOffset.UTC));
        }
        api.setNewAdministratorId(view.newAdministratorId());
        return api;
    }
}
