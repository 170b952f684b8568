package uk.schoolsocial.incident.casefile.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One step of a case's history in plain words (INC-6): who, when, what, why.
 *
 * @param id  the incident id and the sequence number, so a redelivered event maps to the same row
 * @param seq the aggregate sequence number of the event: the order of the case
 */
@MappedEntity("incident_history")
public record HistoryEntry(@Id String id, String incidentId, long seq, String schoolId, Instant at, String actorId,
                           String actorRoles, String what, @Nullable String why) {

    static String idOf(String incidentId, long seq) {
        return incidentId + ":" + seq;
    }
}
