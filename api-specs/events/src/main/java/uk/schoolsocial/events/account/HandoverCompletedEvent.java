package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/**
 * ACC-7: the handover ended: {@code TRANSFERRED} to {@code newAdministratorId}, or {@code CLOSED} with the account.
 *
 * @param fitForPolicyVersion on a transfer, the policy version the account required, for which the transfer found
 *                            the new administrator fit (acknowledged that version or a later one, training
 *                            completed; ACC-5): they take the account over fit. Null on a closure, and on transfers
 *                            recorded before this was (they read as before: the new administrator still had to
 *                            acknowledge on the account).
 */
@Revision("1")
public record HandoverCompletedEvent(
        String accountId,
        String schoolId,
        String handoverId,
        @NotPersonalData("TRANSFERRED or CLOSED")
        String outcome,
        String newAdministratorId,
        Instant at,
        Integer fitForPolicyVersion) {
}
