package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.schoolsocial.platform.query.VersionedRow;

/** CON-6: a school's choice for one channel of what happens to a leaver's publications. */
@MappedEntity("leaver_publications_setting")
public record LeaverPublicationsSetting(@Id String id, String schoolId, String channel, String choice, String setBy,
                                        Instant setAt, long version) implements VersionedRow {

    static String idOf(String schoolId, String channel) {
        return schoolId + "/" + channel;
    }
}
