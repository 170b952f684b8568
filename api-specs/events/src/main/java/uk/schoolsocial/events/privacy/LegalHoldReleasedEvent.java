package uk.schoolsocial.events.privacy;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** AUD-4: the school released a legal hold; retention and erasure apply again. */
@Revision("1")
public record LegalHoldReleasedEvent(String holdId, String schoolId, String releasedBy, Instant releasedAt) {
}
