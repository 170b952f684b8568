package uk.schoolsocial.platform.changes;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import uk.schoolsocial.platform.error.Problem;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.Cursor;

/**
 * The service's change feed for the school's MIS (issue 12), from {@link ChangeLog}: one
 * implementation for every service that keeps a feed, served where its contract puts it
 * ({@code smp.changes.path}: {@code listAccountChanges}, {@code listConsentChanges}). The answer
 * is {@code common.yaml}'s {@code ChangePage}, which the gateway merges across services unmapped;
 * the REST tests hold this controller to that schema, as the generated interfaces do the others.
 */
@Controller("${smp.changes.path}")
@Requires(property = "smp.changes.path")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChangeFeedController {

    private final CurrentActor current;
    private final ChangeLog changes;

    ChangeFeedController(CurrentActor current, ChangeLog changes) {
        this.current = current;
        this.changes = changes;
    }

    /** {@code ChangePage}: the page's changes, the cursor to read on from and whether more are there. */
    @JsonPropertyOrder({"items", "cursor", "more"})
    record ChangePage(List<Change> items, String cursor, boolean more) {
    }

    /** {@code ChangeRecord}: ids, kinds and statuses only; the feed's {@code seq} stays inside. */
    @JsonPropertyOrder({"kind", "recordId", "status", "occurredAt", "link", "subjectId", "channel"})
    record Change(String kind, String recordId, @Nullable String subjectId, @Nullable String channel, String status,
                  ZonedDateTime occurredAt, String link) {

        static Change of(ChangeRecord change) {
            return new Change(change.kind(), change.recordId(), change.subjectId(), change.channel(), change.status(),
                    change.occurredAt().atZone(ZoneOffset.UTC), change.link());
        }
    }

    @Get
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Secured({Roles.INTEGRATION, Roles.SLT, Roles.AUDITOR})
    ChangePage listChanges(@QueryValue @Nullable @Size(max = 512) String cursor,
                           @QueryValue(defaultValue = "50") @Nullable @Min(1) @Max(200) Integer limit) {
        ChangeLog.Page page = changes.page(current.get().schoolId(), cursor, Cursor.limit(limit));
        return new ChangePage(page.items().stream().map(Change::of).toList(), page.cursor(), page.more());
    }
}
