package uk.schoolsocial.consent.consent.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies the consent record of one pupil of one school. Pupil ids come from each school's MIS
 * and are unique within that school only, so the id is a name-based UUID of both: the same pupil id
 * in two schools gives two records, and the same school and pupil always give the same one.
 */
public record PupilConsentId(String value) {

    /** Separates the parts so that ("ab", "c") and ("a", "bc") never give the same name. */
    private static final char SEPARATOR = '\u0000';

    public static PupilConsentId of(String schoolId, String pupilId) {
        String name = "pupil-consent" + SEPARATOR + schoolId + SEPARATOR + pupilId;
        return new PupilConsentId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
