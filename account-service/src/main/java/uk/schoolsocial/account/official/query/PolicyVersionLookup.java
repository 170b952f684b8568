package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** ACC-5: a school's current policy version. */
@MappedEntity("policy_version_lookup")
public record PolicyVersionLookup(@Id String schoolId, int version) {
}
