package uk.schoolsocial.incident.takedown.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.schoolsocial.incident.casefile.query.CaseNotes;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * INC-5: one takedown request of a school, to find those open or overdue across incidents. It
 * holds no text anyone wrote (who was asked stays in the case file, where erasure clears it);
 * {@code version} is the incident's event sequence last applied.
 */
@MappedEntity("incident_takedown")
public record TakedownRow(@Id String id, String incidentId, String schoolId, String addressee, String state,
                          String requestedBy, Instant requestedAt, @Nullable Instant dueAt,
                          @Nullable Instant escalationSuggestedAt, @Nullable Instant settledAt, long version) implements VersionedRow {

    /** What the case file says of it when the case file has not caught up with it yet. */
    public CaseNotes.Takedown asCaseNote() {
        return new CaseNotes.Takedown(id, addressee, null, null, requestedBy, requestedAt, state, null, settledAt,
                escalationSuggestedAt, dueAt);
    }
}
