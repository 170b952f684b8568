package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;

/** ACC-5: the school published a new version of its social media policy; accounts whose administrators have not acknowledged it are flagged. */
@Revision("1")
public record PolicyVersionPublishedEvent(
        String schoolId,
        int version,
        @NotPersonalData("what changed in the school's policy")
        String summary,
        Instant publishedAt) {
}
