package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * A record the law requires the school to keep although its subject asks for erasure (AUD-4).
 *
 * @param hold   the kind of hold: {@code SAFEGUARDING_RECORD} (until the pupil's date of birth + 25
 *               years), {@code STAFF_ALLEGATION} (until normal retirement age or 10 years, whichever
 *               is longer) or {@code LEGAL_HOLD} (placed explicitly, {@link LegalHolds})
 * @param record the record kept, as {@code TYPE:id}
 * @param until  the last day it must be kept; null when it cannot be known here (say why)
 * @param why    the rule and its source, in words a data protection officer can check
 */
public record ErasureHold(String hold, String record, @Nullable LocalDate until, String why) {

    /** One line for a problem's detail. */
    public String describe() {
        return hold + " on " + record + (until == null ? " (end unknown here)" : " until " + until) + ": " + why;
    }
}
