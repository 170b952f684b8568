package uk.schoolsocial.account.official.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** ACC-7: one handover as it stands: OPEN, ESCALATED, TRANSFERRED, CLOSED or CANCELLED (the leaver stayed). */
@MappedEntity("handover_view")
public record HandoverView(@Id String id, String accountId, String schoolId, String leaverId, String status,
                           @TypeDef(type = DataType.JSON) List<String> fitAdministrators, Instant dueAt,
                           Instant openedAt, @Nullable Instant escalatedAt, @Nullable Instant completedAt,
                           @Nullable String newAdministratorId) {

    HandoverView escalated(Instant at) {
        return new HandoverView(id, accountId, schoolId, leaverId, "ESCALATED", fitAdministrators, dueAt, openedAt, at,
                null, null);
    }

    HandoverView rescheduled(Instant due) {
        return new HandoverView(id, accountId, schoolId, leaverId, status, fitAdministrators, due, openedAt, escalatedAt,
                completedAt, newAdministratorId);
    }

    HandoverView completed(String outcome, @Nullable String newAdministrator, Instant at) {
        return new HandoverView(id, accountId, schoolId, leaverId, outcome, fitAdministrators, dueAt, openedAt,
                escalatedAt, at, newAdministrator);
    }
}
