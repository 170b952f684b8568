package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A consent withdrawn, as the publications processor saw it (CON-3). */
@MappedEntity("publication_withdrawn_consent")
public record WithdrawnConsent(@Id String id, String schoolId, String pupilId, String channel) {

    public static String idOf(String schoolId, String pupilId, String channel) {
        return schoolId + "/" + pupilId + "/" + channel;
    }
}
