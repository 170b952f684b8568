package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-5, ACC-7: a member of staff (or registered volunteer) completed the social media training, as SLT or an
 * account administrator recorded it, before running any account.
 */
@Revision("1")
public record StaffTrainingRecordedEvent(String schoolId, String staffId, String recordedBy, Instant at) {
}
