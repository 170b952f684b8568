package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * ACC-5: one published version of a school's social media policy, as {@code GET .../policy-versions}
 * reads it. Keyed {@code <schoolId>/<version>}.
 */
@MappedEntity("policy_version_view")
public record PolicyVersionView(@Id String id, String schoolId, int version, String summary, Instant publishedAt) {

    public static String key(String schoolId, int version) {
        return schoolId + "/" + version;
    }
}
