package uk.schoolsocial.events.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** AUD-4 (UK GDPR Art. 15): the school answered the subject access request on {@code fulfilledOn}. */
@Revision("1")
public record SubjectAccessFulfilledEvent(String requestId, String schoolId, LocalDate fulfilledOn,
                                          String fulfilledBy, Instant recordedAt) {
}
