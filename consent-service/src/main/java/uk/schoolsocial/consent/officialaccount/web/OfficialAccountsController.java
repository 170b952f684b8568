package uk.schoolsocial.consent.officialaccount.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.List;
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
        Cursor after = Cursor.decode(cursor);
        int size = Cursor.limit(limit);
        List<OfficialAccountView> rows = views.page(actor.schoolId(), status == null ? null : status.getValue(),
                after == null ? null : after.at(), after == null ? null : after.id(), size + 1);
        PageInfo page = new PageInfo(size);
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            OfficialAccountView last = rows.get(size - 1);
            page.setNextCursor(new Cursor(last.submittedAt(), last.id()).encode());
        }
        return new OfficialAccountPage(rows.stream().map(OfficialAccountMapper::toApi).toList(), page);
    }
}
