package uk.schoolsocial.consent.consent.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** CON-1: an adult with parental responsibility for a pupil, from the roster. */
@MappedEntity("pupil_parent_view")
public record PupilParentView(@Id String id, String schoolId, String adultId, String pupilId) {

    static PupilParentView of(String pupilConsentId, String schoolId, String adultId, String pupilId) {
        return new PupilParentView(pupilConsentId + "/" + adultId, schoolId, adultId, pupilId);
    }
}
