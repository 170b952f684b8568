package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/**
 * ACC-7: a departure (notice of it, or the leaving itself) leaves fewer than two fit administrators
 * besides the leaver, so the account must be handed over or closed by {@code dueAt}: the end of the
 * leaving date in the school's time zone, or a set time from now when that date has passed.
 *
 * @param leavingDate the leaver's leaving date; a leaver on notice still administers the account until
 *                    the transfer or that date. Null on handovers opened before this was recorded
 *                    (their leaver had stopped administering the account already).
 */
@Revision("1")
public record HandoverOpenedEvent(
        String accountId,
        String schoolId,
        String handoverId,
        String leaverId,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> fitAdministrators,
        Instant dueAt,
        Instant at,
        LocalDate leavingDate) {
}
