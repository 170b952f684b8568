package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/**
 * ACC-4: the settings agreed when the account was created: who may post, whether followers are
 * approved, tagging off where the platform allows; the policy version its administrators must
 * acknowledge (ACC-5) and when its purpose is first due for review (ACC-9).
 */
@Revision("1")
public record AccountSettingsAgreedEvent(
        String accountId,
        String schoolId,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> whoMayPost,
        boolean followersApproved,
        boolean taggingOff,
        int policyVersion,
        LocalDate reviewDue,
        Instant at) {
}
