package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/**
 * An administrator recorded the account created from an approved application (ACC-4). It is not
 * live until every administrator is fit to run it (ACC-5).
 */
@Revision("1")
public record AccountProvisionedEvent(
        String accountId,
        String schoolId,
        String applicationId,
        AccountPlatform platform,
        @NotPersonalData("the name of an official account of the school, which ACC-3 keeps from naming staff")
        String handle,
        @NotPersonalData("the name of an official account of the school, which ACC-3 keeps from naming staff")
        String displayName,
        @NotPersonalData("staff ids: identifiers, which the audit trail keeps")
        List<String> administrators,
        AccountPrivacy privacy,
        @NotPersonalData("a link to the acceptable use policy")
        String aupLink,
        Instant provisionedAt) {
}
