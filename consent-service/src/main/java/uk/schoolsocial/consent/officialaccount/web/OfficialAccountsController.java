package uk.schoolsocial.consent.officialaccount.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.schoolsocial.consent.api.OfficialAccountsApi;
import uk.schoolsocial.consent.api.model.OfficialAccountPage;
import uk.schoolsocial.consent.api.model.OfficialAccountStatus;
import uk.schoolsocial.consent.api.model.PageInfo;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountView;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountViewRepository;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.KeysetPage;

/** The school's official accounts as this service learnt them from account-service's events. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficialAccountsController implements OfficialAccountsApi {

    private final CurrentActor current;
    private final OfficialAccountViewRepository views;

    OfficialAccountsController(CurrentActor current, OfficialAccountViewRepository views) {
        this.current = current;
        this.views = views;
    }

    @Override
    @Secured({Roles.SLT, Roles.STAFF, Roles.ACCOUNT_ADMIN, Roles.AUDITOR})
    public OfficialAccountPage listOfficialAccounts(OfficialAccountStatus status, String cursor, Integer limit) {
        Actor actor = current.get();
        KeysetPage<OfficialAccountView> page = KeysetPage.read(cursor, limit, (afterAt, afterId, count) -> views.page(
                actor.schoolId(), status == null ? null : status.getValue(), afterAt, afterId, count),
                last -> new Cursor(last.submittedAt(), last.id()));
        return new OfficialAccountPage(page.map(OfficialAccountMapper::toApi),
                new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }
}
