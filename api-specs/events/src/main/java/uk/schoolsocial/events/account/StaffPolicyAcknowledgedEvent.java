package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-5, ACC-7: a member of staff (or registered volunteer) acknowledged a version of the school's social media
 * policy before running any account, so that they can take one over at a handover.
 */
@Revision("1")
public record StaffPolicyAcknowledgedEvent(String schoolId, String staffId, int policyVersion, Instant at) {
}
