package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** ACC-10: the headteacher (SLT) approves the declared relationship as an exception, with a reason. */
@Revision("1")
public record RelationshipApprovedEvent(String declarationId, String schoolId, String decidedBy, String reason,
                                        Instant decidedAt) {
}
