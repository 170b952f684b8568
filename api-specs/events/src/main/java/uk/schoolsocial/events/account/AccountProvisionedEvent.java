package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An administrator recorded the account created from an approved application (ACC-4). It is not
 * live until every administrator is fit to run it (ACC-5).
 */
@Revision("1")
public record AccountProvisionedEvent(String accountId, String schoolId, String applicationId, AccountPlatform platform,
                                      String handle, String displayName, List<String> administrators,
                                      AccountPrivacy privacy, String aupLink, Instant provisionedAt) {
}
