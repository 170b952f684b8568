package uk.schoolsocial.incident.takedown.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * INC-5: a school's own period for takedown requests to one platform, as SLT last set it.
 * {@code id} is the school and the platform key; {@code version} the settings' event sequence.
 */
@MappedEntity("takedown_period")
public record TakedownPeriodRow(@Id String id, String schoolId, String platformKey, String platform, int hours,
                                String setBy, Instant setAt, long version) implements VersionedRow {

    static String idOf(String schoolId, String platformKey) {
        return schoolId + "|" + platformKey;
    }
}
