package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
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
 * @param whoMayPost          ACC-4: on a transfer, the account's agreed "who may post" with the leaver replaced by
 *                            the new administrator, when it named the leaver. Null when it did not, on a closure,
 *                            and on transfers recorded before this was (the agreed settings stay as they were).
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
        Integer fitForPolicyVersion,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> whoMayPost) {
}
