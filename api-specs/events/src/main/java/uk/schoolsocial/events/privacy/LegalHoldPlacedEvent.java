package uk.schoolsocial.events.privacy;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * AUD-4: the school placed a legal hold on a subject (a person or a record): nothing of it is erased,
 * by request or by retention, while the hold stands ({@code until}, or until released). Ids, the basis
 * and dates only.
 */
@Revision("1")
public record LegalHoldPlacedEvent(String holdId, String schoolId, SubjectType subjectType, String subjectId,
                                   LegalHoldBasis basis, LocalDate until, String placedBy, Instant placedAt) {
}
