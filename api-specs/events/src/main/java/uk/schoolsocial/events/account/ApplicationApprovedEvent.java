package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** SLT approved an application, with a reason (ACC-2). */
@Revision("1")
public record ApplicationApprovedEvent(String applicationId, String schoolId, String decidedBy, String reason,
                                       Instant decidedAt) {
}
