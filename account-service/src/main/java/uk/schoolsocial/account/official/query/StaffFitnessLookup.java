package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * ACC-5, ACC-7: what a member of staff did, on any of the school's accounts, to be fit to run one.
 * Keyed {@code <schoolId>/<staffId>}.
 */
@MappedEntity("staff_fitness_lookup")
public record StaffFitnessLookup(@Id String id, String schoolId, String staffId, int acknowledgedVersion,
                                 boolean trained) {

    static String key(String schoolId, String staffId) {
        return schoolId + "/" + staffId;
    }
}
