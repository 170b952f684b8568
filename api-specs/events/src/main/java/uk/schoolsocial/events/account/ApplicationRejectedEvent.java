package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** SLT rejected an application, with a reason (ACC-2). */
@Revision("1")
public record ApplicationRejectedEvent(String applicationId, String schoolId, String decidedBy, String reason,
                                       Instant decidedAt) {
}
