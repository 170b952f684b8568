package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The applicant withdrew an application before it was decided (ACC-2). */
@Revision("1")
public record ApplicationWithdrawnEvent(String applicationId, String schoolId, String reason, Instant withdrawnAt) {
}
