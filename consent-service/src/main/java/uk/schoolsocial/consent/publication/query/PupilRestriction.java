package uk.schoolsocial.consent.publication.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A pupil who objects (CON-2, until it is lifted) or left (CON-6), as the publications processor saw it,
 * for a publication registered after it.
 */
@MappedEntity("publication_pupil_restriction")
public record PupilRestriction(@Id String id, String schoolId, String pupilId, String kind) {

    public static final String OBJECTED = "OBJECTED";
    public static final String LEFT = "LEFT";

    static PupilRestriction of(String schoolId, String pupilId, String kind) {
        return new PupilRestriction(idOf(schoolId, pupilId, kind), schoolId, pupilId, kind);
    }

    static String idOf(String schoolId, String pupilId, String kind) {
        return schoolId + "/" + pupilId + "/" + kind;
    }
}
