package uk.schoolsocial.account.privacy.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * AUD-4: one subject access request as it stands: RECEIVED, EXTENDED or FULFILLED, and when it is due.
 * {@code requestedBy} and {@code extensionReason} are null once the request is erased
 * ({@link SubjectAccessRequestErasureScope}).
 */
@MappedEntity("subject_access_request_view")
public record SubjectAccessRequestView(@Id String id, String schoolId, long version, String subjectType,
                                       String subjectId, LocalDate receivedOn, @Nullable String requestedBy,
                                       LocalDate dueOn, String status, String recordedBy, Instant recordedAt,
                                       @Nullable Integer extensionMonths, @Nullable String extensionReason,
                                       @Nullable String extendedBy, @Nullable LocalDate fulfilledOn,
                                       @Nullable String fulfilledBy) implements VersionedRow {

    /** Open (not yet fulfilled) past its due date, as of {@code today} in the school's zone. */
    public boolean overdueOn(LocalDate today) {
        return !"FULFILLED".equals(status) && dueOn.isBefore(today);
    }

    SubjectAccessRequestView extended(long newVersion, int months, @Nullable String reason, LocalDate newDueOn, String by) {
        return new SubjectAccessRequestView(id, schoolId, newVersion, subjectType, subjectId, receivedOn, requestedBy,
                newDueOn, "EXTENDED", recordedBy, recordedAt, months, reason, by, fulfilledOn, fulfilledBy);
    }

    SubjectAccessRequestView fulfilled(long newVersion, LocalDate on, String by) {
        return new SubjectAccessRequestView(id, schoolId, newVersion, subjectType, subjectId, receivedOn, requestedBy,
                dueOn, "FULFILLED", recordedBy, recordedAt, extensionMonths, extensionReason, extendedBy, on, by);
    }
}
