package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-5: the school published a new version of its social media policy; accounts whose administrators have not acknowledged it are flagged. */
@Revision("1")
public record PolicyVersionPublishedEvent(String schoolId, int version, String summary, Instant publishedAt) {
}
