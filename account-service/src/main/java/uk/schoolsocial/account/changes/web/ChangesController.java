package uk.schoolsocial.account.changes.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.ZoneOffset;
import uk.schoolsocial.account.api.AccountChangesApi;
import uk.schoolsocial.account.api.model.ChangePage;
import uk.schoolsocial.account.api.model.ChangeRecord;
import uk.schoolsocial.account.api.model.ChangeRecordKind;
import uk.schoolsocial.platform.changes.ChangeLog;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;

/** The change feed for the school's MIS (issue 12), from {@link ChangeLog}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ChangesController implements AccountChangesApi {

    private final CurrentActor current;
    private final ChangeLog changes;

    ChangesController(CurrentActor current, ChangeLog changes) {
        this.current = current;
        this.changes = changes;
    }

    @Override
    @Secured({Roles.INTEGRATION, Roles.SLT, Roles.AUDITOR})
    public ChangePage listAccountChanges(String cursor, Integer limit) {
        ChangeLog.Page page = changes.page(current.get().schoolId(), cursor, Cursor.limit(limit));
        return new ChangePage(page.items().stream().map(ChangesController::toApi).toList(), page.cursor(), page.more());
    }

    private static ChangeRecord toApi(uk.schoolsocial.platform.changes.ChangeRecord change) {
        ChangeRecord api = new ChangeRecord(ChangeRecordKind.fromValue(change.kind()), change.recordId(),
                change.status(), change.occurredAt().atZone(ZoneOffset.UTC), change.link());
        api.setSubjectId(change.subjectId());
        api.setChannel(change.channel());
        return api;
    }
}
