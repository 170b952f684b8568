package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A pupil featured in a publication (CON-5), and whether their withdrawal opened its takedown (CON-3). */
@MappedEntity("publication_pupil_view")
public record PublicationPupilView(@Id String id, String publicationId, String schoolId, String pupilId,
                                   String channel, @Nullable Instant takedownOpenedAt) {

    static String idOf(String publicationId, String pupilId) {
        return publicationId + "/" + pupilId;
    }
}
