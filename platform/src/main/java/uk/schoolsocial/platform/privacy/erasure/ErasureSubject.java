package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import uk.schoolsocial.events.privacy.SubjectType;

/**
 * Whom an erasure is about (AUD-4): a person or a record of one school, by its id there.
 *
 * @param dateOfBirth a pupil's date of birth, where the caller knows it (the gateway takes it from
 *                    consent-service's roster): a safeguarding hold lasts until it + 25 years
 */
public record ErasureSubject(String schoolId, SubjectType type, String subjectId, @Nullable LocalDate dateOfBirth) {

    /** This subject as the key store names it. */
    public SubjectRef ref() {
        return new SubjectRef(type, subjectId);
    }
}
