package uk.schoolsocial.account.privacy.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * AUD-4 (UK GDPR Art. 12(3)): a subject access request is answered within one calendar month of
 * receipt, extendable by at most two further months. Calendar months as {@link LocalDate#plusMonths}
 * counts them: 31 January is due on the last day of February, as the ICO's guidance says.
 */
public record SubjectAccessRule(ZoneId zone) {

    /** The most the time may be extended by, in months. */
    public static final int MAX_EXTENSION_MONTHS = 2;

    /** Today in the school's zone ({@code smp.account.zone}). */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The due date after {@code extensionMonths} of extension (0 for none). */
    public static LocalDate dueOn(LocalDate receivedOn, int extensionMonths) {
        return receivedOn.plusMonths(1L + extensionMonths);
    }
}
