package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A pupil featured in a publication (CON-5); whether a takedown opened because of them, and why (CON-2,
 * CON-3, CON-6: null for those stored before causes were kept, all withdrawals); whether their leaving
 * opened a review (CON-6).
 */
@MappedEntity("publication_pupil_view")
public record PublicationPupilView(@Id String id, String publicationId, String schoolId, String pupilId,
                                   String channel, @Nullable Instant takedownOpenedAt,
                                   @Nullable String takedownCause, @Nullable Instant reviewOpenedAt) {

    static String idOf(String publicationId, String pupilId) {
        return publicationId + "/" + pupilId;
    }

    PublicationPupilView takedownOpened(Instant at, String cause) {
        return new PublicationPupilView(id, publicationId, schoolId, pupilId, channel, at, cause, reviewOpenedAt);
    }

    PublicationPupilView reviewOpened(Instant at) {
        return new PublicationPupilView(id, publicationId, schoolId, pupilId, channel, takedownOpenedAt,
                takedownCause, at);
    }
}
