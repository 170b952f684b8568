package uk.schoolsocial.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A member of staff applied for an official account with a complete business case (ACC-1). */
@Revision("1")
public record ApplicationSubmittedEvent(
        String applicationId,
        String schoolId,
        String applicantId,
        int revision,
        AccountPlatform platform,
        String proposedName,
        String proposedHandle,
        String aim,
        String audience,
        String promotion,
        List<String> administrators,
        AccountPrivacy privacy,
        String privacyReason,
        Instant submittedAt) {
}
